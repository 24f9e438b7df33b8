#!/usr/bin/env python3
"""Rebuild data/names/given.txt: given names seen in annotated Arabic news.

Source: the person entities (PERS/PER) of ANERcorp (CAMeL Lab train split, CC BY-SA 4.0)
and AQMAR (CC BY-SA 3.0) in ../shared/data/ner. The first word of every person name of two
or more words is a given name (محمد in محمد البرادعي, كوفي in كوفي أنان); a conjunction or
preposition glued to it is removed (ومحمد → محمد). Names are written folded (أ إ آ → ا,
ى → ي, ة → ه, no diacritics), one per line, sorted, with the number of times seen.

Usage: python3 tools/build_names.py ../shared/data/ner data/names/given.txt
"""
import collections
import os
import re
import sys

DIACRITICS = re.compile('[\u064B-\u0652\u0670\u0640]')
ARABIC = re.compile('^[\u0621-\u064A]+$')


def fold(w):
    w = DIACRITICS.sub('', w)
    return w.translate(str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه'}))


def person_spans(path):
    spans, cur = [], []
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            parts = line.split()
            tag = parts[-1] if len(parts) >= 2 else 'O'
            if tag.startswith('B-PER'):
                if cur:
                    spans.append(cur)
                cur = [parts[0]]
            elif tag.startswith('I-PER') and cur:
                cur.append(parts[0])
            else:
                if cur:
                    spans.append(cur)
                cur = []
    if cur:
        spans.append(cur)
    return spans


def main():
    root, out = sys.argv[1], sys.argv[2]
    files = [os.path.join(root, 'ANERCorp_CamelLab_train.txt')]
    aqmar = os.path.join(root, 'aqmar')
    files += [os.path.join(aqmar, f) for f in sorted(os.listdir(aqmar)) if f.endswith('.txt')]
    counts = collections.Counter()
    for f in files:
        for span in person_spans(f):
            if len(span) < 2:
                continue
            first = fold(span[0])
            # A conjunction or preposition glued to the name.
            if len(first) > 3 and first[0] in 'وفبل':
                first = first[1:]
            if ARABIC.match(first) and len(first) >= 2:
                counts[first] += 1
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# given names from ANERcorp and AQMAR person entities (CC BY-SA); built by tools/build_names.py\n')
        for name in sorted(counts):
            fh.write(f'{name}\t{counts[name]}\n')
    print(f'{len(counts)} given names', file=sys.stderr)


if __name__ == '__main__':
    main()
