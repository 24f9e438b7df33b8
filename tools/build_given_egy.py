#!/usr/bin/env python3
"""Rebuild data/names/given-egy.txt: given names counted in a population's civil records.

Source: the name book of egy-names 0.3.6 (Abdullah Afify, 2026; https://github.com/afify/egy-names),
`egy_names/data/names.json.gz` in its wheel, licensed MIT (see NOTICE). It holds 44,626 names
read off 3.8 million Egyptian school records (2017-2024), each marked as a given name (`l` = g)
or a family name, with its share of all name tokens (`tp`, in per cent). Its given names are
the pan-Arab ones (فراس، لبنى، رامز، شيماء، مؤيد) and the foreign ones Arab families use
(جيسي، روبير); the lists learnt from annotated and unlabelled news (given.txt,
given-news.txt) lack many of them.

A civil record holds names that are also common words (أمل، نور، صادق، تقوى، شورى): the
press uses those as words far more often. Kept, then, a given name (folded as nass folds:
no diacritics, أ إ آ → ا, ى → ي, ة → ه, letters only, three or more) that
  - has a share of MIN_SHARE % of the name tokens or more (about 66 bearers in the book: a
    name of a few records is as likely a clerk's slip);
  - is rarer than zipf MAX_ZIPF in the built-in lexicon, and commoner written bare than with
    the article when the article form is a word at all (التقوى، الشورى، المعتمد: nouns);
  - has no article itself (البالغ، الزهراء: adjectives and epithets; the Maghrebi article
    names are learnt from news, given-news.txt);
  - does not end in ه after a common word (نجله is نجل + ه, his son; حبيبه، بنه): a
    feminine name written with ه reads as a noun with a pronoun;
  - is no stopword (stopwords/ar.txt), no place (data/names/places.txt), and not in
    given.txt or given-news.txt already;
  - is, in the news articles under DIR (the ANT corpus), followed by a name-like word (a
    known given name or a word under zipf 4) at least MIN_NAME_NEXT of the times it is
    written, when it is written MIN_SEEN times or more: the press uses مشيرة (pointing),
    صبيحة (on the morning of) as words, and عاشور، مخلوف، عياد as family names alone.
nass reads the list as given names, but for the words its rules know as titles, roles or
place words (قايد is قائد, leader, written loosely): see src/extract/people.rs.

Usage:
    python3 tools/build_given_egy.py ../shared/data/news/ant-v1.1 data/names/given-egy.txt [--wheel PATH]
        downloads the pinned wheel with pip (`pip download --no-deps egy-names==0.3.6`)
        into a temporary folder, or reads PATH, and checks its SHA-256.
Deterministic: run twice, the second run changes nothing.
"""
import collections
import sys
from pathlib import Path

from build_names import ARABIC as LETTERS, MIN_NAME_NEXT, fold, lexicon_zipf, news_documents, news_texts, \
    read_lines, read_names, stopwords, write_word_list
from pinned_wheel import read_json_member

VERSION = '0.3.6'
SHA256 = '689af06ec27c628827d6a07ffa8d5d59c8962ee3833e32554c170d209e304e42'
MEMBER = 'egy_names/data/names.json.gz'
MIN_SHARE = 0.0005
MAX_ZIPF = 4.0
# The lexicon's floor for a word (zipf): an article form rarer than this is no word.
ARTICLE_WORD = 2.5
# A stem commoner than this before a final ه makes the name read as noun + pronoun.
COMMON_STEM = 3.5
# Fewer occurrences in the news than this say nothing of how the press uses a word.
MIN_SEEN = 5
# A word under this zipf after a name is name-like (a family name).
NAME_LIKE_ZIPF = 4.0


def given_shares(book):
    """The folded spellings of the book's given names (its main spelling and variants), each
    with the largest share of a name it spells."""
    shares = {}
    for entry in book['names']:
        if entry.get('l') != 'g':
            continue
        for spelling in [entry.get('a', '')] + entry.get('av', '').split('|'):
            word = fold(spelling.strip())
            if LETTERS.match(word):
                shares[word] = max(shares.get(word, 0.0), entry.get('tp') or 0.0)
    return shares


def kept(word, share, zipf, excluded):
    bare = zipf.get(word, 0.0)
    with_article = zipf.get('ال' + word, 0.0)
    return (share >= MIN_SHARE
            and len(word) >= 3
            and word not in excluded
            and not word.startswith('ال')
            and bare < MAX_ZIPF
            and not (with_article >= ARTICLE_WORD and with_article >= bare)
            and not (word.endswith('ه') and zipf.get(word[:-1], 0.0) >= COMMON_STEM))


def used_as_names(names, known, news, zipf, stop):
    """The names of `names` the news under `news` writes as names: before a name-like word
    often enough, or too seldom to tell."""
    seen, before_name = collections.Counter(), collections.Counter()
    for doc in news_documents(news_texts(news)):
        for w, nxt in zip(doc, doc[1:] + ['']):
            if w in names:
                seen[w] += 1
                if nxt not in stop and LETTERS.match(nxt) and (nxt in known or zipf.get(nxt, 0) < NAME_LIKE_ZIPF):
                    before_name[w] += 1
    return {w for w in names if seen[w] < MIN_SEEN or before_name[w] / seen[w] >= MIN_NAME_NEXT}


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != '--wheel'):
        sys.exit(__doc__)
    news, out = argv[1], Path(argv[2])
    book = read_json_member('egy_names', VERSION, SHA256, MEMBER, argv[4] if len(argv) == 5 else None)
    zipf, stop = lexicon_zipf(), stopwords()
    places = {fold(l.split('\t')[0].strip()) for l in read_lines('places.txt')}
    learnt = read_names('given.txt', 'given-news.txt')
    shares = given_shares(book)
    listed = {w for w, share in shares.items() if kept(w, share, zipf, learnt | stop | places)}
    names = sorted(used_as_names(listed, learnt | listed, news, zipf, stop))
    write_word_list(out, f'given names of the egy-names {VERSION} name book (MIT), rarer as words; '
                         'built by tools/build_given_egy.py', names)
    print(f'{out}: {len(names)} given names of {len(shares)}')


if __name__ == '__main__':
    main(sys.argv)
