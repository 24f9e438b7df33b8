#!/usr/bin/env python3
"""Rebuild data/lexicon-ar.tsv.gz, nass's built-in Arabic word-frequency lexicon.

Source: wordfreq's `large_ar` list (code Apache-2.0, data CC BY-SA 4.0; see NOTICE).
Usage:
    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install 'wordfreq==3.1.1'
    /tmp/wf/bin/python tools/build_lexicon.py data/lexicon-ar.tsv.gz

Output: gzip'd UTF-8 TSV, sorted by word (byte order), one `word<TAB>zipf10` per line,
where zipf10 = round(10 * zipf frequency), 1..=90. Only words made of Arabic letters
(U+0621-U+063A, U+0641-U+064A) are kept; wordfreq has already removed diacritics and tatweel.
build.rs turns this file into an fst map at compile time.
"""
import gzip
import math
import re
import sys

import wordfreq

ARABIC_WORD = re.compile('^[\u0621-\u063A\u0641-\u064A]+$')


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else 'data/lexicon-ar.tsv.gz'
    freqs = wordfreq.get_frequency_dict('ar', wordlist='large')
    rows = {}
    for word, freq in freqs.items():
        if not ARABIC_WORD.match(word) or freq <= 0:
            continue
        zipf10 = round(10 * (math.log10(freq) + 9))
        if zipf10 >= 1:
            rows[word.encode('utf-8')] = zipf10
    # mtime=0 keeps the archive byte-identical between rebuilds
    with open(out_path, 'wb') as raw, gzip.GzipFile(fileobj=raw, mode='wb', mtime=0, filename='') as gz:
        for word in sorted(rows):
            gz.write(word + b'\t' + str(rows[word]).encode() + b'\n')
    print(f'wrote {len(rows)} words to {out_path}', file=sys.stderr)


if __name__ == '__main__':
    main()
