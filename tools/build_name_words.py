#!/usr/bin/env python3
"""Rebuild data/names/name-words.txt: words of personal names as the Arabic press spells them.

Source: the English -> Arabic name dictionary of arabnamer 0.1.3 (Yousef, 2026;
https://github.com/sayedyousef/arabnamer), `arabnamer/data/dict_FINAL.json` in its wheel,
licensed CC-BY-4.0 (see NOTICE). Its 22,797 entries give the Arabic spelling of given names
and surnames of every origin (aaltonen → آلتونين, virgil → فرجيل, sabri → صبري). The
tagger reads a word of this list as evidence of a name, weighed by training like any other
feature: the list also holds common words (فلاح، عافية) and some phrases, so it is a
feature, never a rule.

Kept: the Arabic spellings of one word (phrases such as `أبو بكر` or the dictionary's
translated phrases are left out), letters only, folded as nass folds (no diacritics,
أ إ آ → ا, ى → ي, ة → ه), without a leading article when three letters or more remain
(النابلسي → نابلسي: the tagger looks stems up so), at least two letters, and no stopword of
stopwords/ar.txt (the dictionary's machine-translated fill holds كان، لا، هنا). One word per
line, sorted, deduplicated.

Usage:
    python3 tools/build_name_words.py data/names/name-words.txt
        downloads the pinned wheel with pip (`pip download --no-deps arabnamer==0.1.3`)
        into a temporary folder and checks its SHA-256;
    python3 tools/build_name_words.py data/names/name-words.txt --wheel PATH
        reads a wheel already downloaded (its SHA-256 is checked too).
Deterministic: run twice, the second run changes nothing.
"""
import sys
from pathlib import Path

from build_names import ARABIC as LETTERS, DIACRITICS, fold, write_word_list
from pinned_wheel import read_json_member

VERSION = '0.1.3'
SHA256 = '78d4921a47707420780dcdd24a256cd4f9cdf0fb49b4b8df22b612db14c8bbdc'
MEMBER = 'arabnamer/data/dict_FINAL.json'


def name_word(spelling):
    """The folded word of a one-word spelling, or None."""
    spelling = DIACRITICS.sub('', spelling.strip())
    word = fold(spelling)
    if not LETTERS.match(word):
        return None
    # The article as written: آ folds to ا, and آلتونين has none.
    if spelling.startswith('ال') and len(word) >= 5:
        word = word[2:]
    return word if len(word) >= 2 else None


def read_stopwords():
    path = Path(__file__).resolve().parent.parent / 'stopwords' / 'ar.txt'
    with path.open(encoding='utf-8') as fh:
        return {fold(line.strip()) for line in fh if line.strip() and not line.startswith('#')}


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != '--wheel'):
        sys.exit(__doc__)
    out = Path(argv[1])
    dictionary = read_json_member('arabnamer', VERSION, SHA256, MEMBER, argv[3] if len(argv) == 4 else None)
    stopwords = read_stopwords()
    words = sorted({w for spelling in dictionary.values() if (w := name_word(spelling)) and w not in stopwords})
    write_word_list(out, f'words of personal names, from the name dictionary of arabnamer {VERSION} (CC-BY-4.0); '
                         'built by tools/build_name_words.py', words)
    print(f'{out}: {len(words)} words from {len(dictionary)} entries')


if __name__ == '__main__':
    main(sys.argv)
