#!/usr/bin/env python3
"""Split QCRI's WikiNews segmentation gold into undiacritized articles.

Usage:
    python3 tools/wikinews_articles.py /path/to/farasa-wikinews/WikiNewsTruth.txt OUT_DIR [--list]

`WikiNewsTruth.txt` (Darwish & Mubarak, "Farasa: A New Fast and Accurate Arabic Word
Segmenter", LREC 2016; "Feel free to copy and distribute the files") holds 70 fully
diacritized WikiNews articles, one paragraph per line:

  - a line `# <section>` opens a section (ثقافة، صحة، سياسة، علوم، رياضة، فن، اقتصاد);
  - an article starts with its title, a line of at least 20 characters and at most 110 that does
    not end with sentence punctuation (. : ! ؟ ?); a line that ends with a closing quote or
    bracket (" » )) is a title only when it has no . : ! ؟ ? at all (`مقتل 28 شخصا … يجرم " الكفر "`
    is a title, `وقالت نيوتون - بيشوب : " … جيدة."` is not).  Every following line up to the next
    title or section belongs to the article.  Shorter unpunctuated lines are subheadings inside
    an article (`أقوال وفاق سطيف`, `النتائج` in the Algerian league article) and stay in its text;
    so does a long paragraph that happens to end without a full stop.

Each article is written as OUT_DIR/NN.txt (NN = its number in file order, from 01), in the
layout of the gold files under data/gold/: the title line, a blank line, then the text, one
paragraph per line, with the empty lines of the source dropped.  The diacritics are removed:
the harakat U+064B-U+0652, the marks U+0653-U+065F and the superscript alef U+0670.  Hamza
letters and all base letters are kept as written, and nothing else is changed.

--list prints one line per article (number, section, characters, title) instead of only a count.
Standard library only.
"""
import argparse
import os
import re

MARKS = re.compile('[\u064B-\u065F\u0670]')
END = tuple('.:!؟?')
CLOSE = tuple('"»)')


def strip_marks(text):
    return MARKS.sub('', text)


def is_title(line):
    s = line.strip()
    if not 20 <= len(s) <= 110 or s.endswith(END) or s.startswith('#'):
        return False
    return not s.endswith(CLOSE) or not any(c in s for c in END)


def articles(text):
    """-> [(section, title, [paragraph lines])] in file order"""
    out, section = [], None
    for line in strip_marks(text).split('\n'):
        s = line.strip()
        if not s:
            continue
        if s.startswith('# '):
            section = s[2:].strip()
        elif is_title(s) or not out:
            out.append((section, s, []))
        else:
            out[-1][2].append(s)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('source', help='WikiNewsTruth.txt')
    ap.add_argument('out_dir')
    ap.add_argument('--list', action='store_true', help='print one line per article')
    args = ap.parse_args()
    with open(args.source, encoding='utf-8') as fh:
        arts = articles(fh.read())
    os.makedirs(args.out_dir, exist_ok=True)
    for i, (section, title, paras) in enumerate(arts, 1):
        with open(os.path.join(args.out_dir, '%02d.txt' % i), 'w', encoding='utf-8') as fh:
            fh.write(title + '\n\n' + '\n'.join(paras) + '\n')
        if args.list:
            print('%02d  %-8s %5d  %s' % (i, section, sum(len(p) for p in paras), title))
    print('%d articles written to %s' % (len(arts), args.out_dir))


if __name__ == '__main__':
    main()
