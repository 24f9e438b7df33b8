#!/usr/bin/env python3
"""Evaluate nass's word-order model (data/wordorder.tsv) on held-out text.

Usage:
    python3 tools/eval_wordorder.py data/wordorder.tsv /path/to/shared
        [--seeds 1,2,3,4] [--scale 1.0] [--work DIR] [--t-low 0.5] [--t-strict 7]

/path/to/shared is the read-only third-party folder holding
  data/news/ant-v1.1/          held-out ANT files (the ones build_wordorder.py
                               skips; paragraphs also seen in training dropped)
  corpus/00{0,1,2,4}_*.txt     four clean press articles (one paragraph a line)
  data/ner/aqmar/*.txt         AQMAR Wikipedia NER (token-per-line; detokenized,
                               4 sentences per paragraph)
  pdf-artifacts/gen_corruption.py
Each source is corrupted with `gen_corruption.py --profile press --seed N
--scale S`; lines labelled `reversed_words` are the positives (from every
seed), the other lines the negatives (first seed only, so that no clean line
is counted twice).  Only lines with >= 3 tokens are counted (the rule never
fires on shorter ones).  corpus/003 (a real PDF extraction, unlabelled) is
listed at the end for checking by eye.

Rule (mirrored in src/):
    reverse iff  tokens >= 3
            and  2 * (gaps that are runs of 2+ whitespace) >= gaps
            and  score(line as written) < -T
T is a constant: thresholds growing with the number of pairs (linear or
sqrt) measured no better.  Two operating points are reported: T_LOW (the
double-space rule, for documents where double-spaced lines are rare) and
T_STRICT (safe on clean text that is double-spaced throughout).  Measured:
(a) the rule, (b) the rule without the double-space condition, (c) false
reversals among the normal lines re-joined with double spaces (their score is
unchanged, so (c) = false positives of (b)), plus a threshold sweep.
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

T_LOW = 0.5      # rule (a) when double-spaced lines are rare in the document
T_STRICT = 7.0   # documents where double spacing is common (score alone)


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
    return ' '.join(f'p{q}={xs[min(len(xs) - 1, int(q / 100 * len(xs)))]:+.2f}' for q in qs)


def fires(r, t):
    return r['score'] < -t


def prf(recs, pred):
    tp = sum(1 for r in recs if r['rev'] and pred(r))
    fp = sum(1 for r in recs if not r['rev'] and pred(r))
    pos = sum(1 for r in recs if r['rev'])
    return tp, fp, pos, (tp / (tp + fp) if tp + fp else 1.0), (tp / pos if pos else 0.0)


def measure(recs, t):
    """(a) double-space + score, (b) score alone, (c) false reversals among the
    normal lines re-joined with double spaces (their score is unchanged)"""
    a = prf(recs, lambda r: r['dbl'] and fires(r, t))
    b = prf(recs, lambda r: fires(r, t))
    neg = [r for r in recs if not r['rev']]
    return a, b, sum(1 for r in neg if fires(r, t)), len(neg)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('model')
    ap.add_argument('shared')
    ap.add_argument('--seeds', default='1,2,3,4',
                    help='reversed lines come from every seed, normal lines from the first only')
    ap.add_argument('--scale', type=float, default=1.0)
    ap.add_argument('--work', help='directory for generated files (reused if present)')
    ap.add_argument('--t-low', type=float, default=T_LOW)
    ap.add_argument('--t-strict', type=float, default=T_STRICT)
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
                if len(toks) < 3 or (not rev and seed != seeds[0]):
                    continue
                s, n = bw.score_tokens(toks, vocab, table, end_punct)
                recs.append({'src': name, 'rev': rev, 'score': s, 'pairs': n,
                             'dbl': double_spaced(text), 'text': text})
    print(f'model {a.model}: {len(vocab)} words, {len(table)} pairs, end-punct '
          f'{"yes" if end_punct else "no"}; gen_corruption --profile press --scale {a.scale:g}, '
          f'seeds {a.seeds} (normal lines: seed {seeds[0]} only)')
    print('lines with >= 3 tokens; rule fires iff score < -T; (a) also needs >= half of the gaps '
          'double; (c) = normal lines re-joined with double spaces\n')
    for name in [n for n, _ in sources] + ['ALL']:
        rs = [r for r in recs if name in ('ALL', r['src'])]
        neg = [r for r in rs if not r['rev']]
        pos = [r for r in rs if r['rev']]
        print(f'== {name}: {len(neg)} normal lines, {len(pos)} reversed lines')
        for lab, sel in (('normal', neg), ('reversed', pos)):
            print(f'  {lab:8s} score      {pct([r["score"] for r in sel])}')
            print(f'  {lab:8s} score/pair {pct([r["score"] / max(1, r["pairs"]) for r in sel])}')
            print(f'  {lab:8s} pairs      {pct([r["pairs"] for r in sel], (0, 50, 100))}; '
                  f'double-spaced {sum(r["dbl"] for r in sel)}/{len(sel)}')
        for t in (a.t_low, a.t_strict):
            (tp, fp, _, p, rc), (tpb, fpb, _, pb, rcb), c, nneg = measure(rs, t)
            print(f'  T={t:g}: (a) dbl+score P {p:.4f} R {rc:.4f} (TP {tp} FP {fp}) | '
                  f'(b) score alone P {pb:.4f} R {rcb:.4f} (TP {tpb} FP {fpb}) | '
                  f'(c) {c}/{nneg} false reversals')
        print()
    print('threshold sweep (ALL): T | recall (a) | precision (b) | (c) false reversals')
    for t in (-2, -1, 0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10):
        (_, _, _, _, rc), (_, _, _, pb, _), c, nneg = measure(recs, t)
        print(f'  {t:5g} | {rc:.4f} | {pb:.4f} | {c}/{nneg} ({c / nneg:.2%})')
    t = a.t_strict
    neg = sorted((r for r in recs if not r['rev']), key=lambda r: r['score'])
    print(f'\nlowest-scoring normal lines:')
    for r in neg[:6]:
        print(f'  {r["score"]:+7.2f}/{r["pairs"]:<2d} [{r["src"]}] {r["text"]}')
    miss = [r for r in recs if r['rev'] and not fires(r, a.t_low)]
    print(f'reversed lines missed at T={a.t_low:g}: {len(miss)} (first 6)')
    for r in miss[:6]:
        print(f'  {r["score"]:+7.2f}/{r["pairs"]:<2d} [{r["src"]}] {r["text"]}')
    real = sorted(glob.glob(os.path.join(a.shared, 'corpus', '003_*.txt')))
    if real:
        print(f'\n{os.path.basename(real[0])} (real extraction, unlabelled; check by eye): every '
              f'line with >= 3 tokens that is double-spaced or scores < 0; REVERSE = rule (a) '
              f'at T={a.t_low:g}. cols: line, decision, score/pairs, text')
        with open(real[0], encoding='utf-8') as fh:
            for i, line in enumerate(fh, 1):
                toks = line.split()
                if len(toks) < 3:
                    continue
                s, n = bw.score_tokens(toks, vocab, table, end_punct)
                dbl = double_spaced(line)
                if not (dbl or s < 0):
                    continue
                tag = 'REVERSE' if dbl and s < -a.t_low else ('dbl-kept' if dbl else '')
                print(f'  {i:4d} {tag:8s} {s:+7.2f}/{n:<2d} {line.strip()}')


if __name__ == '__main__':
    main()
