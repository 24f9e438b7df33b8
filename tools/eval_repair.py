#!/usr/bin/env python3
"""Measure nass's PDF repair on clean text corrupted by gen_corruption.py.

Each clean article becomes one corrupted document (its paragraphs, corrupted and wrapped into
lines, one after another), `nass clean` repairs the folder, and every token of the result is
compared with the clean text:

  recall    = damaged tokens restored exactly / damaged tokens
  precision = changed tokens that are now right / tokens nass changed

A token is "damaged" when the corrupted text differs from the clean one at that position
(ligature swap, kashida, U+FFFD, mirrored marks, moved % or comma, or a reversed line).

Usage:
    python3 tools/eval_repair.py --gen ../shared/pdf-artifacts/gen_corruption.py \
        --articles ../shared/data/news/ant-v1.1 --limit 300 --skip 0 --seed 1 \
        [--nass target/release/nass] [--extra-args "--no-census"] [--show 20]

--articles takes a folder of ANT files (<TEXT>…</TEXT>) or of plain .txt articles (one
paragraph per line). --skip/--limit choose which articles (sorted by path), so development
and held-out sets do not overlap.
"""
import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile


def read_article(path):
    with open(path, encoding='utf-8', errors='replace') as fh:
        raw = fh.read()
    m = re.search(r'<TEXT>(.*?)</TEXT>', raw, re.S)
    body = m.group(1) if m else raw
    paras = [' '.join(line.split()) for line in body.splitlines()]
    return [p for p in paras if len(p.split()) >= 3]


def list_articles(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            if name.upper().startswith(('LICENSE', 'README')):
                continue
            out.append(os.path.join(dirpath, name))
    return sorted(out)


def align(a, b):
    """Pairs of (token of a or None, token of b or None) along a difflib alignment."""
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    pairs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == 'equal' or (i2 - i1) == (j2 - j1):
            pairs.extend(zip(a[i1:i2], b[j1:j2]))
        else:
            n = max(i2 - i1, j2 - j1)
            for k in range(n):
                pairs.append((a[i1 + k] if i1 + k < i2 else None, b[j1 + k] if j1 + k < j2 else None))
    return pairs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gen', required=True)
    ap.add_argument('--articles', required=True)
    ap.add_argument('--limit', type=int, default=300)
    ap.add_argument('--skip', type=int, default=0)
    ap.add_argument('--stride', type=int, default=1, help='take every Nth article')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--profile', default='press')
    ap.add_argument('--nass', default='target/release/nass')
    ap.add_argument('--extra-args', default='')
    ap.add_argument('--show', type=int, default=0, help='print this many wrong tokens')
    ap.add_argument('--only-changed', action='store_true', help='print only tokens nass changed wrongly')
    ap.add_argument('--only-label', default='', help='print only wrong tokens with this label (e.g. lig_swap)')
    a = ap.parse_args()

    paths = list_articles(a.articles)[a.skip::a.stride][:a.limit]
    work = tempfile.mkdtemp(prefix='nass-eval-')
    docs_dir = os.path.join(work, 'docs')
    os.makedirs(docs_dir)
    gold = []  # per document: list of paragraphs (clean, corrupted, tokens)
    for k, path in enumerate(paths):
        paras = read_article(path)
        if not paras:
            continue
        src = os.path.join(work, f'{k:05d}.clean.txt')
        dst = os.path.join(work, f'{k:05d}.jsonl')
        with open(src, 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(paras) + '\n')
        subprocess.run([sys.executable, a.gen, src, dst, '--profile', a.profile, '--seed', str(a.seed + k)],
                       check=True, stdout=subprocess.DEVNULL)
        recs = [json.loads(line) for line in open(dst, encoding='utf-8')]
        name = f'{k:05d}.txt'
        with open(os.path.join(docs_dir, name), 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(r['corrupted'] for r in recs) + '\n')
        gold.append((name, recs))

    cmd = [a.nass, 'clean', docs_dir, '--format', 'jsonl'] + a.extra_args.split()
    proc = subprocess.run(cmd, check=True, capture_output=True, text=True)
    repaired = {os.path.basename(json.loads(l)['path']): json.loads(l)['text'] for l in proc.stdout.splitlines()}

    damaged = changed = restored = changed_right = 0
    by_label = collections.Counter()
    by_label_ok = collections.Counter()
    wrong = []
    for name, recs in gold:
        lines = repaired[name].split('\n')
        pos = 0
        for r in recs:
            n = r['corrupted'].count('\n') + 1
            fixed = '\n'.join(lines[pos:pos + n])
            pos += n
            clean_toks = r['clean'].split()
            labels = {}
            for t_clean, t_cor, labs in r['tokens']:
                for lab in labs:
                    labels.setdefault(t_clean, set()).add(lab.split(':')[0])
            cor_toks = r['corrupted'].split()
            fix_toks = fixed.split()
            # gold vs corrupted and gold vs repaired, both aligned on the gold tokens
            pairs_fix = align(clean_toks, fix_toks)
            pairs_cor = align(clean_toks, cor_toks)
            # position-wise when lengths agree (the common case), else alignment
            if len(cor_toks) == len(clean_toks) == len(fix_toks):
                triples = list(zip(clean_toks, cor_toks, fix_toks))
            else:
                fix_map = [f for g, f in pairs_fix if g is not None]
                cor_map = [c for g, c in pairs_cor if g is not None]
                triples = list(zip(clean_toks, cor_map, fix_map))
            for g, c, f in triples:
                is_damaged = c != g
                is_changed = f != c
                damaged += is_damaged
                changed += is_changed
                if is_damaged:
                    restored += f == g
                    for lab in labels.get(g, {'reordered'}):
                        by_label[lab] += 1
                        by_label_ok[lab] += f == g
                if is_changed:
                    changed_right += f == g
                if (is_damaged or is_changed) and f != g and len(wrong) < a.show:
                    if (not a.only_changed or is_changed) and (not a.only_label or a.only_label in labels.get(g, ())):
                        wrong.append((g, c, f))

    recall = restored / damaged if damaged else 1.0
    precision = changed_right / changed if changed else 1.0
    print(f'articles {len(gold)}  damaged tokens {damaged}  changed {changed}')
    print(f'precision {precision:.4f}  recall {recall:.4f}')
    for lab in sorted(by_label):
        if by_label[lab]:
            print(f'  {lab:14s} {by_label_ok[lab]:6d} / {by_label[lab]:6d}  recall {by_label_ok[lab] / by_label[lab]:.3f}')
    for g, c, f in wrong:
        print(f'  gold {g!r:30} corrupted {c!r:30} repaired {f!r}')


if __name__ == '__main__':
    main()
