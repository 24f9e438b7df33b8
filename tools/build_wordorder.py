#!/usr/bin/env python3
"""Build nass's word-order (line direction) model from the ANT news corpus.

Usage:
    python3 tools/build_wordorder.py /path/to/ant-v1.1 data/wordorder.tsv
        [--vocab K] [--k SMOOTH] [--min-count N] [--end-punct yes|no]
        [--holdout M]

Input: ANT corpus v1.1 (Chouigui et al., AICCSA 2017; Apache-2.0): one article
per file, `<TITLE>...</TITLE>` and `<TEXT>...</TEXT>`, one paragraph per line.
Files are taken in sorted path order; every M-th file (index % M == M-1,
default M = 10) is held out for tools/eval_wordorder.py and NOT used here.
Duplicate paragraphs (boilerplate, re-filed articles) are counted once.

Model (what src/ mirrors exactly):
  tokens(line)  = line split on whitespace
  fold(tok)     = drop U+0640 and U+064B-U+0652, U+0670; أ إ آ ٱ -> ا, ى -> ي,
                  ة -> ه; strip leading/trailing chars that are neither Arabic
                  letters U+0621-U+064A nor digits 0-9 / U+0660-U+0669
  class(tok)    = <P> if fold empty; <N> if it has a digit; the folded word if
                  in the vocabulary; else by prefix: وال <WAL>, بال <BAL>,
                  لل <LL>, ال <AL>, و <W>, ب <B>, ل <L>, ف <F>, else <X>
  end-punct     = (if enabled) a token whose last character is one of
                  . ، , ؛ : ! ? ؟ is followed by the pseudo-class <END>
  score(line)   = sum over adjacent classes (a, b) of table(a, b), where
                  table(a, b) = s if "P a b s" stored, -s if "P b a s" stored,
                  else 0.  Positive = the line reads in normal order.
  stored score  = ln((c(a,b) + k) / (c(b,a) + k)), 2 decimals, for each
                  unordered pair with c(a,b) + c(b,a) >= min-count, written once
                  with a < b (Python str order = Unicode code point order);
                  pairs whose rounded score is 0.00 are omitted.

Output: UTF-8 TSV, deterministic (sorted), see the header comments it writes.
Standard library only.
"""
import argparse
import math
import os
import re
import sys
from collections import Counter

HEADER = ('# nass word-order model v1, built by tools/build_wordorder.py '
          'from ANT corpus v1.1 (Apache-2.0)')

DEFAULT_VOCAB = 1000
DEFAULT_K = 0.5
DEFAULT_MIN_COUNT = 8
DEFAULT_END_PUNCT = 'no'   # measured: the <END> pseudo-token lowers recall
DEFAULT_HOLDOUT = 10

_DROP = {ord('\u0640'): None, ord('\u0670'): None}
_DROP.update({c: None for c in range(0x064B, 0x0653)})
_MAP = {ord('أ'): 'ا', ord('إ'): 'ا', ord('آ'): 'ا', ord('ٱ'): 'ا',
        ord('ى'): 'ي', ord('ة'): 'ه'}
_TABLE = dict(_DROP)
_TABLE.update(_MAP)
_KEEP = '\u0621-\u064A0-9\u0660-\u0669'
_STRIP = re.compile('^[^' + _KEEP + ']+|[^' + _KEEP + ']+$')
_DIGIT = re.compile('[0-9\u0660-\u0669]')
END_PUNCT = set('.،,؛:!?؟')
PREFIXES = [('وال', '<WAL>'), ('بال', '<BAL>'), ('لل', '<LL>'), ('ال', '<AL>'),
            ('و', '<W>'), ('ب', '<B>'), ('ل', '<L>'), ('ف', '<F>')]
END = '<END>'


def fold(tok):
    return _STRIP.sub('', tok.translate(_TABLE))


def word_class(tok, vocab):
    f = fold(tok)
    if not f:
        return '<P>'
    if _DIGIT.search(f):
        return '<N>'
    if f in vocab:
        return f
    for p, c in PREFIXES:
        if f.startswith(p):
            return c
    return '<X>'


def classes(tokens, vocab, end_punct):
    out = []
    for t in tokens:
        out.append(word_class(t, vocab))
        if end_punct and t[-1] in END_PUNCT:
            out.append(END)
    return out


def ant_files(root):
    """sorted relative paths of the article files"""
    out = []
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith('.txt'):
                out.append(os.path.relpath(os.path.join(d, f), root))
    return sorted(out)


def split_files(root, holdout):
    files = ant_files(root)
    if holdout <= 1:
        return files, []
    train = [f for i, f in enumerate(files) if i % holdout != holdout - 1]
    test = [f for i, f in enumerate(files) if i % holdout == holdout - 1]
    return train, test


_TITLE = re.compile(r'<TITLE>(.*?)</TITLE>', re.S)
_TEXT = re.compile(r'<TEXT>(.*?)</TEXT>', re.S)


def paragraphs(root, rel):
    with open(os.path.join(root, rel), encoding='utf-8', errors='replace') as fh:
        doc = fh.read()
    out = []
    for rx in (_TITLE, _TEXT):
        for m in rx.finditer(doc):
            for line in m.group(1).split('\n'):
                p = ' '.join(line.split())
                if p:
                    out.append(p)
    return out


def train_paragraphs(root, holdout):
    train, _ = split_files(root, holdout)
    seen = set()
    out = []
    for rel in train:
        for p in paragraphs(root, rel):
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


def build(paras, vocab_size, k, min_count, end_punct):
    freq = Counter()
    toks = [p.split() for p in paras]
    for ts in toks:
        for t in ts:
            f = fold(t)
            if f and not _DIGIT.search(f):
                freq[f] += 1
    ranked = sorted(freq.items(), key=lambda x: (-x[1], x[0]))
    vocab = {w for w, _ in ranked[:vocab_size]}
    pairs = Counter()
    for ts in toks:
        cs = classes(ts, vocab, end_punct)
        for a, b in zip(cs, cs[1:]):
            pairs[(a, b)] += 1
    table = {}
    # self-pairs (a, a) always score 0 and are never stored
    for a, b in sorted({(min(x, y), max(x, y)) for x, y in pairs if x != y}):
        ab, ba = pairs.get((a, b), 0), pairs.get((b, a), 0)
        if ab + ba < min_count:
            continue
        s = round(math.log((ab + k) / (ba + k)), 2)
        if s != 0:
            table[(a, b)] = s
    return vocab, table


def write(path, vocab, table, args, n_paras, n_tokens):
    lines = [HEADER,
             f'# params: vocab={len(vocab)} k={args.k:g} min_count={args.min_count} '
             f'holdout=every {args.holdout}th file; {n_paras} paragraphs, {n_tokens} tokens',
             f'# end-punct: {args.end_punct}',
             '# pairs: each unordered pair stored once as P<TAB>a<TAB>b<TAB>score with a < b '
             '(code point order); table(b, a) = -score; missing pair = 0',
             '# score = ln((c(a,b)+k)/(c(b,a)+k)); positive = a before b is the normal order']
    for w in sorted(vocab):
        lines.append(f'V\t{w}')
    for (a, b) in sorted(table):
        lines.append(f'P\t{a}\t{b}\t{table[(a, b)]:.2f}')
    with open(path, 'w', encoding='utf-8', newline='\n') as out:
        out.write('\n'.join(lines) + '\n')


def load(path):
    """read a model written by write(): (vocab, table, end_punct)"""
    vocab, table, end_punct = set(), {}, False
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            line = line.rstrip('\n')
            if line.startswith('#'):
                if line.startswith('# end-punct:'):
                    end_punct = line.split(':', 1)[1].strip() == 'yes'
                continue
            parts = line.split('\t')
            if parts[0] == 'V':
                vocab.add(parts[1])
            elif parts[0] == 'P':
                table[(parts[1], parts[2])] = float(parts[3])
    return vocab, table, end_punct


def pair_score(table, a, b):
    if (a, b) in table:
        return table[(a, b)]
    if (b, a) in table:
        return -table[(b, a)]
    return 0.0


def score_tokens(tokens, vocab, table, end_punct):
    """(score, number of class pairs)"""
    cs = classes(tokens, vocab, end_punct)
    return sum(pair_score(table, a, b) for a, b in zip(cs, cs[1:])), max(0, len(cs) - 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('ant_dir')
    ap.add_argument('output')
    ap.add_argument('--vocab', type=int, default=DEFAULT_VOCAB)
    ap.add_argument('--k', type=float, default=DEFAULT_K)
    ap.add_argument('--min-count', type=int, default=DEFAULT_MIN_COUNT)
    ap.add_argument('--end-punct', choices=['yes', 'no'], default=DEFAULT_END_PUNCT)
    ap.add_argument('--holdout', type=int, default=DEFAULT_HOLDOUT)
    a = ap.parse_args()
    paras = train_paragraphs(a.ant_dir, a.holdout)
    if not paras:
        sys.exit('no ANT paragraphs found under ' + a.ant_dir)
    vocab, table = build(paras, a.vocab, a.k, a.min_count, a.end_punct == 'yes')
    write(a.output, vocab, table, a, len(paras), sum(len(p.split()) for p in paras))
    print(f'{a.output}: {len(vocab)} words, {len(table)} pairs, '
          f'{os.path.getsize(a.output)} bytes', file=sys.stderr)


if __name__ == '__main__':
    main()
