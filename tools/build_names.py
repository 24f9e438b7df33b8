#!/usr/bin/env python3
"""Rebuild data/names/given.txt: given names seen in annotated Arabic news.

Source: the person entities (PERS/PER) of ANERcorp (CAMeL Lab train split, CC BY-SA 4.0)
and AQMAR (CC BY-SA 3.0) in ../shared/data/ner. The first word of every person name of two
or more words is a given name (محمد in محمد البرادعي, كوفي in كوفي أنان); a conjunction or
preposition glued to it is removed (ومحمد → محمد). Names are written folded (أ إ آ → ا,
ى → ي, ة → ه, no diacritics), one per line, sorted, with the number of times seen.

Usage: python3 tools/build_names.py ../shared/data/ner data/names/given.txt

With --news DIR --nass BIN OUT, it writes instead the given names learnt from unlabelled
news (data/names/given-news.txt): BIN (`nass entities`) finds the people of every article
under DIR (the ANT corpus, Apache-2.0); the first word of a name of two words or more is
kept if it opens a name at least 4 times, in a quarter of its occurrences at least (half,
if the general lexicon knows it as a common word: اتحاد، بنك open club and bank names too),
and is not a known given name already or one with a clitic glued on (ببن).

    python3 tools/build_names.py --news ../shared/data/news/ant-v1.1 \
        --nass target/release/nass data/names/given-news.txt
"""
import collections
import gzip
import json
import os
import re
import subprocess
import sys

DIACRITICS = re.compile('[\u064B-\u0652\u0670\u0640]')
ARABIC = re.compile('^[\u0621-\u064A]+$')


def fold(w):
    w = DIACRITICS.sub('', w)
    return w.translate(str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه'}))


def entity_spans(path, kind):
    """The words of each entity of type `kind` (PER, LOC…) in an IOB2 file, as written."""
    spans, cur = [], []
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            parts = line.split()
            tag = parts[-1] if len(parts) >= 2 else 'O'
            if tag.startswith('B-' + kind):
                if cur:
                    spans.append(cur)
                cur = [parts[0]]
            elif tag.startswith('I-' + kind) and cur:
                cur.append(parts[0])
            else:
                if cur:
                    spans.append(cur)
                cur = []
    if cur:
        spans.append(cur)
    return spans


def ner_files(root):
    """The annotated files under `root` (../shared/data/ner): ANERcorp's train split and AQMAR."""
    files = [os.path.join(root, 'ANERCorp_CamelLab_train.txt')]
    aqmar = os.path.join(root, 'aqmar')
    return files + [os.path.join(aqmar, f) for f in sorted(os.listdir(aqmar)) if f.endswith('.txt')]


def read_names(*lists):
    """The names (first column) of the lists in data/names (given.txt, given-news.txt…)."""
    here = os.path.dirname(os.path.abspath(__file__))
    names = set()
    for name in lists:
        with open(os.path.join(here, '..', 'data', 'names', name), encoding='utf-8') as fh:
            names.update(l.split('\t')[0].strip() for l in fh if not l.startswith('#'))
    return names


def lexicon_zipf():
    """Zipf frequency of each folded word of the built-in lexicon."""
    here = os.path.dirname(os.path.abspath(__file__))
    zipf = {}
    with gzip.open(os.path.join(here, '..', 'data', 'lexicon-ar.tsv.gz'), 'rt', encoding='utf-8') as fh:
        for line in fh:
            w, z = line.rstrip('\n').split('\t')
            zipf[fold(w)] = max(zipf.get(fold(w), 0), int(z) / 10)
    return zipf


def is_noise(name, count, zipf):
    """A first word that is no given name: the article alone or with one letter (ال، الم),
    or a common word with the article seen once (the annotators' الاقليه، المسلمين)."""
    if not name.startswith('ال'):
        return False
    return len(name) <= 3 or (count == 1 and zipf.get(name, 0) >= 3.5)


def main():
    root, out = sys.argv[1], sys.argv[2]
    counts = collections.Counter()
    for f in ner_files(root):
        for span in entity_spans(f, 'PER'):
            if len(span) < 2:
                continue
            first = fold(span[0])
            # A conjunction or preposition glued to the name.
            if len(first) > 3 and first[0] in 'وفبل':
                first = first[1:]
            if ARABIC.match(first) and len(first) >= 2:
                counts[first] += 1
    zipf = lexicon_zipf()
    counts = {n: c for n, c in counts.items() if not is_noise(n, c, zipf)}
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# given names from ANERcorp and AQMAR person entities (CC BY-SA); built by tools/build_names.py\n')
        for name in sorted(counts):
            fh.write(f'{name}\t{counts[name]}\n')
    print(f'{len(counts)} given names', file=sys.stderr)


def news_main(news, nass, out):
    known = read_names('given.txt')
    zipf = lexicon_zipf()
    run = subprocess.run([nass, 'entities', news], capture_output=True, text=True, check=False)
    opens = collections.Counter()
    for line in run.stdout.splitlines():
        r = json.loads(line)
        words = r.get('value', '').split() if r.get('kind') == 'person' else []
        if len(words) >= 2:
            opens[fold(words[0])] += 1
    seen = collections.Counter()
    for root, _, files in os.walk(news):
        for f in files:
            with open(os.path.join(root, f), encoding='utf-8', errors='replace') as fh:
                for w in re.findall('[\u0621-\u064A\u064B-\u0652\u0640]+', fh.read()):
                    seen[fold(w)] += 1
    keep = {}
    for w, c in opens.items():
        share = c / max(seen[w], 1)
        common = zipf.get(w, 0) >= 4.5
        glued = len(w) > 3 and w[0] in 'وفبل' and w[1:] in known
        if ARABIC.match(w) and len(w) >= 2 and c >= 4 and share >= (0.5 if common else 0.25) \
                and w not in known and not glued and not is_noise(w, c, zipf):
            keep[w] = c
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# given names learnt from unlabelled ANT news (Apache-2.0) with nass entities; built by tools/build_names.py --news\n')
        for name in sorted(keep):
            fh.write(f'{name}\t{keep[name]}\n')
    print(f'{len(keep)} given names from news', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) == 6 and sys.argv[1] == '--news' and sys.argv[3] == '--nass':
        news_main(sys.argv[2], sys.argv[4], sys.argv[5])
    else:
        main()
