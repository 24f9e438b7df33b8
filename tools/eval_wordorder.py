#!/usr/bin/env python3
"""Evaluate nass's word-order model (data/wordorder.tsv) on held-out text.

Usage:
    python3 tools/eval_wordorder.py data/wordorder.tsv /path/to/shared
        [--seeds 1,2,3,4] [--scale 1.0] [--work DIR] [--grid]

/path/to/shared is the read-only third-party folder holding
  data/news/ant-v1.1/          held-out ANT files (the ones build_wordorder.py
                               skips; paragraphs also seen in training dropped)
  corpus/00{0,1,2,4}_*.txt     four clean press articles (one paragraph a line)
  data/ner/aqmar/*.txt         AQMAR Wikipedia NER (token-per-line; detokenized,
                               4 sentences per paragraph)
  pdf-artifacts/gen_corruption.py
Each source is corrupted with `gen_corruption.py --profile press --seed N
--scale S` for every seed; lines labelled `reversed_words` are the positives,
all other lines are negatives.  Only lines with >= 3 tokens are counted (the
rule never fires on shorter lines).  corpus/003 (a real PDF extraction) is
listed separately: the lines the rule would reverse, to be checked by eye.

Rule (recommended, mirrored in src/):
    reverse iff  words >= 3
            and  2 * (gaps that are runs of 2+ whitespace) >= gaps
            and  score < -T(pairs),   T(pairs) = T0 + T1 * pairs
(pairs = number of adjacent class pairs, <END> included).  Measured: (a) that
rule, (b) the rule without the double-space condition, (c) the rule on the
negatives re-joined with double spaces (false reversals of clean
double-spaced text).
Standard library only.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_wordorder as bw  # noqa: E402

T0 = 2.0
T1 = 0.5


def threshold(pairs, t0=T0, t1=T1):
    return t0 + t1 * pairs


def double_spaced(line):
    gaps = re.findall(r'\s+', line.strip())
    return bool(gaps) and 2 * sum(1 for g in gaps if len(g) >= 2) >= len(gaps)


# ------------------------------------------------------------------ sources
def ant_test(shared):
    root = os.path.join(shared, 'data/news/ant-v1.1')
    train = set(bw.train_paragraphs(root, bw.DEFAULT_HOLDOUT))
    _, test = bw.split_files(root, bw.DEFAULT_HOLDOUT)
    out, seen = [], set()
    for rel in test:
        for p in bw.paragraphs(root, rel):
            if p not in train and p not in seen:
                seen.add(p)
                out.append(p)
    return out


def clean_articles(shared):
    out = []
    for n in ('000', '001', '002', '004'):
        for path in sorted(glob.glob(os.path.join(shared, 'corpus', n + '_*.txt'))):
            with open(path, encoding='utf-8') as fh:
                out += [' '.join(l.split()) for l in fh if l.strip()]
    return out


_CLOSE = set('.،,:;؛)]»!?؟')
_OPEN = set('([«')


def detok(tokens):
    out, glue_next, quote_open = [], False, False
    for t in tokens:
        if not any(c.isalnum() for c in t):
            if t == '"':
                if quote_open and out:
                    out[-1] += t
                else:
                    out.append(t)
                    glue_next = True
                quote_open = not quote_open
                continue
            if t[0] in _CLOSE and out:
                out[-1] += t
                continue
            if t[-1] in _OPEN:
                out.append(t)
                glue_next = True
                continue
        if glue_next and out:
            out[-1] += t
        else:
            out.append(t)
        glue_next = False
    return ' '.join(out)


def aqmar(shared, per_para=4):
    out = []
    for path in sorted(glob.glob(os.path.join(shared, 'data/ner/aqmar/*.txt'))):
        sents, cur = [], []
        with open(path, encoding='utf-8', errors='replace') as fh:
            for line in fh:
                parts = line.split()
                if not parts:
                    if cur:
                        sents.append(detok(cur))
                        cur = []
                    continue
                cur.append(parts[0])
        if cur:
            sents.append(detok(cur))
        for i in range(0, len(sents), per_para):
            out.append(' '.join(sents[i:i + per_para]))
    return out


# ------------------------------------------------------------------ corrupt
def corrupt(shared, paras, name, seed, scale, work):
    src = os.path.join(work, f'{name}.txt')
    dst = os.path.join(work, f'{name}.s{seed}.x{scale:g}.jsonl')
    if not os.path.exists(dst):
        with open(src, 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(paras) + '\n')
        subprocess.run([sys.executable, os.path.join(shared, 'pdf-artifacts/gen_corruption.py'),
                        src, dst, '--profile', 'press', '--seed', str(seed),
                        '--scale', str(scale)], check=True, stdout=subprocess.DEVNULL)
    lines = []
    with open(dst, encoding='utf-8') as fh:
        for rec in fh:
            rec = json.loads(rec)
            rev = {li for li, labs in rec['lines'] if 'reversed_words' in labs}
            for li, text in enumerate(rec['corrupted'].split('\n')):
                lines.append((li in rev, text))
    return lines


# ------------------------------------------------------------------ report
def pct(xs, qs=(0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100)):
    xs = sorted(xs)
    if not xs:
        return ''
    return '  '.join(f'p{q}={xs[min(len(xs) - 1, int(q / 100 * len(xs)))]:+.2f}' for q in qs)


def prf(recs, pred):
    tp = sum(1 for r in recs if r['rev'] and pred(r))
    fp = sum(1 for r in recs if not r['rev'] and pred(r))
    pos = sum(1 for r in recs if r['rev'])
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / pos if pos else 0.0
    return tp, fp, pos, p, rc


def evaluate(recs, t0, t1):
    fires = lambda r: r['score'] < -threshold(r['pairs'], t0, t1)  # noqa: E731
    a = prf(recs, lambda r: r['dbl'] and fires(r))
    b = prf(recs, fires)
    neg = [r for r in recs if not r['rev']]
    c = sum(1 for r in neg if fires(r))  # double-spaced negatives: dbl is true for all
    return a, b, c, len(neg)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('model')
    ap.add_argument('shared')
    ap.add_argument('--seeds', default='1,2,3,4')
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--work', help='directory for generated files (reused if present)')
    ap.add_argument('--grid', action='store_true', help='print a threshold grid')
    ap.add_argument('--t0', type=float, default=T0)
    ap.add_argument('--t1', type=float, default=T1)
    a = ap.parse_args()
    vocab, table, end_punct = bw.load(a.model)
    work = a.work or tempfile.mkdtemp(prefix='wordorder-eval-')
    os.makedirs(work, exist_ok=True)
    seeds = [int(s) for s in a.seeds.split(',')]
    sources = [('ant-heldout', ant_test(a.shared)), ('articles', clean_articles(a.shared)),
               ('aqmar', aqmar(a.shared))]
    recs = []
    for name, paras in sources:
        for seed in seeds:
            for rev, text in corrupt(a.shared, paras, name, seed, a.scale, work):
                toks = text.split()
                if len(toks) < 3:
                    continue
                s, n = bw.score_tokens(toks, vocab, table, end_punct)
                recs.append({'src': name, 'seed': seed, 'rev': rev, 'score': s, 'pairs': n,
                             'dbl': double_spaced(text), 'text': text})
    print(f'model {a.model}: {len(vocab)} words, {len(table)} pairs, end-punct '
          f'{"yes" if end_punct else "no"}; seeds {a.seeds}, scale {a.scale:g}')
    print(f'rule: score < -({a.t0:g} + {a.t1:g} * pairs)\n')
    for name in [n for n, _ in sources] + ['ALL']:
        rs = [r for r in recs if name in ('ALL', r['src'])]
        ev = evaluate(rs, a.t0, a.t1)
        (tp, fp, pos, p, rc), (tpb, fpb, _, pb, rcb), c, nneg = ev
        print(f'== {name}: {nneg} normal lines, {pos} reversed lines (>= 3 tokens)')
        for lab, want in (('normal', False), ('reversed', True)):
            sel = [r for r in rs if r['rev'] == want]
            print(f'  {lab:8s} score      {pct([r["score"] for r in sel])}')
            print(f'  {lab:8s} score/pair {pct([r["score"] / max(1, r["pairs"]) for r in sel])}')
            print(f'  {lab:8s} double-spaced: {sum(r["dbl"] for r in sel)}/{len(sel)}')
        print(f'  (a) double-space + score: TP {tp} FP {fp} P {p:.4f} R {rc:.4f}')
        print(f'  (b) score alone:          TP {tpb} FP {fpb} P {pb:.4f} R {rcb:.4f}')
        print(f'  (c) normal lines double-spaced: {c} false reversals of {nneg}\n')
    if a.grid:
        print('grid (ALL): t0 t1 | recall(a) | FP(c) of normals')
        for t0 in (0, 1, 2, 3, 4, 5, 6):
            for t1 in (0, 0.25, 0.5, 0.75, 1.0):
                (_, _, _, _, rc), _, c, nneg = evaluate(recs, t0, t1)
                print(f'  {t0:4g} {t1:5g} | {rc:.4f} | {c}/{nneg}')
    # worst normal lines and missed reversed lines
    neg = sorted((r for r in recs if not r['rev']), key=lambda r: r['score'] + threshold(r['pairs'], a.t0, a.t1))
    print('closest normal lines (score + T):')
    for r in neg[:8]:
        print(f'  {r["score"] + threshold(r["pairs"], a.t0, a.t1):+.2f} [{r["src"]}] {r["text"]}')
    miss = [r for r in recs if r['rev'] and not r['score'] < -threshold(r['pairs'], a.t0, a.t1)]
    print(f'missed reversed lines: {len(miss)} (first 8)')
    for r in miss[:8]:
        print(f'  {r["score"]:+.2f}/{r["pairs"]} [{r["src"]}] {r["text"]}')
    # the real PDF extraction
    real = sorted(glob.glob(os.path.join(a.shared, 'corpus', '003_*.txt')))
    if real:
        print(f'\n{os.path.basename(real[0])} (real extraction; check by eye): lines the rule reverses')
        with open(real[0], encoding='utf-8') as fh:
            for i, line in enumerate(fh, 1):
                toks = line.split()
                if len(toks) < 3:
                    continue
                s, n = bw.score_tokens(toks, vocab, table, end_punct)
                fire = s < -threshold(n, a.t0, a.t1)
                dbl = double_spaced(line)
                if fire or dbl:
                    tag = 'REVERSE' if fire and dbl else ('score-only' if fire else 'dbl-kept')
                    print(f'  {i:4d} {tag:10s} {s:+7.2f}/{n:<3d} {line.strip()}')


if __name__ == '__main__':
    main()
