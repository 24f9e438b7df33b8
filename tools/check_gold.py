#!/usr/bin/env python3
"""Check a folder of hand-annotated press articles (the gold sets under data/gold/).

Usage:
    python3 tools/check_gold.py data/gold/press [--all]

For each NN_name.txt + NN_name.json pair it checks that
  - every person's `name` and `variants` occur in the article (`الحبيب` also as `للحبيب`);
  - every date and figure `text` occurs in the article, and `tools/eval_report.py`'s `locate`
    can place all of them (no text occurs more often than it has entries, or a whole multiple);
  - dates have ISO values and figures numeric values and a boolean `percent`;
and then lists every digit string, month name and number word in the article, marked `+`
when it lies inside a gold date or figure span and `-` when it does not, so that the
uncovered ones can be checked by hand (--all lists the covered ones too).
PDF-damaged copies (NN_name_pdf.txt) are skipped.  It never runs nass.  Standard library only.  Exit status 1 if a check fails.
"""
import argparse
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_report  # noqa: E402  (locate, the scorer's own span finder)

MONTHS = ('جانفي فيفري مارس أفريل افريل ابريل أبريل ماي جوان جويلية أوت اوت سبتمبر أكتوبر اكتوبر '
          'نوفمبر ديسمبر يناير فبراير مايو يونيو يوليو أغسطس اغسطس كانون شباط آذار نيسان أيار '
          'حزيران تموز آب أيلول تشرين محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة').split()
NUMBER_WORDS = ('واحد واحدة أحد إحدى اثنان اثنين إثنين إثنان اثنتين اثنتان ثلاث ثلاثة أربع أربعة اربع اربعة خمس '
                'خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين '
                'أربعون أربعين اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين مائة '
                'مئة مائتي مئتي مائتين مئتين ألف الف آلاف الاف ألفين مليون ملايين مليار ملايير مليارات '
                'مليارين مليونين نصف ربع ثلث ثلثي خمس صفر بالمائة بالمئة').split()
ISO = re.compile(r'^(-?\d{3,4}|\d{4}-\d{2}(-\d{2})?|--\d{2}(-\d{2})?)$')
PREFIX = 'وفبلكس'  # clitics a word may carry: و ف ب ل ك (and ال, handled below)


def words(text):
    for m in re.finditer(r'[\u0600-\u06FF]+', text):
        yield m.start(), m.end(), m.group()


def bare(w):
    """the word without leading clitics and article (a rough stem, enough for the listing)"""
    for _ in range(3):
        if w.startswith(('ال', 'لل')) and len(w) > 3:
            w = w[2:]
        elif w[:1] in PREFIX and len(w) > 3:
            w = w[1:]
        else:
            break
    return w


def check(txt_path, show_all):
    ok = True
    json_path = txt_path[:-4] + '.json'
    with open(txt_path, encoding='utf-8') as fh:
        text = fh.read()
    raw = text.encode('utf-8')
    with open(json_path, encoding='utf-8') as fh:
        gold = json.load(fh)
    name = os.path.basename(txt_path)[:-4]
    problems = []
    if not gold.get('source'):
        problems.append('no "source"')
    if name.endswith('_pdf'):
        print('== %s  PDF-damaged copy: its gold texts are not written as in the article, skipped'
              % name)
        return True
    for p in gold.get('people', []):
        for form in [p['name']] + list(p.get('variants', [])):
            # ل before the article drops its alif: للحبيب بن محرز holds الحبيب بن محرز
            if form not in text and not (form.startswith('ال') and 'لل' + form[2:] in text):
                problems.append('person form not in text: %r' % form)
    for kind in ('dates', 'figures'):
        for e in gold.get(kind, []):
            if e['text'] not in text:
                problems.append('%s text not in text: %r' % (kind, e['text']))
            if kind == 'dates':
                for key in ('value', 'until'):
                    if key in e and not ISO.match(str(e[key])):
                        problems.append('date %s not ISO: %r' % (key, e[key]))
            else:
                if not isinstance(e.get('value'), (int, float)) or not isinstance(e.get('percent'), bool):
                    problems.append('figure value/percent malformed: %r' % e)
    entries = [dict(e) for e in gold.get('dates', []) + gold.get('figures', [])]
    if not eval_report.locate(entries, raw):
        problems.append('eval_report.locate could not place every date and figure')
    spans = []
    for e in entries:
        if '_span' in e:
            s, t = e['_span']
            # byte offsets -> character offsets
            spans.append((len(raw[:s].decode('utf-8')), len(raw[:t].decode('utf-8')), e))
    counts = {k: (sum(1 for e in gold.get(k, []) if not e.get('optional')),
                  sum(1 for e in gold.get(k, []) if e.get('optional'))) for k in ('dates', 'figures')}
    print('== %s  people %d (%d with variants), dates %d+%d opt, figures %d+%d opt'
          % (name, len(gold.get('people', [])),
             sum(1 for p in gold.get('people', []) if p.get('variants')),
             counts['dates'][0], counts['dates'][1], counts['figures'][0], counts['figures'][1]))
    for msg in problems:
        ok = False
        print('  ERROR', msg)

    items = [(m.start(), m.end(), m.group()) for m in re.finditer(r'\d+(?:[.,ر]\d+)*', text)]
    for s, e, w in words(text):
        b = bare(w)
        if b in MONTHS or b in NUMBER_WORDS or w in MONTHS or w in NUMBER_WORDS:
            items.append((s, e, w))
        elif re.match(r'^(ثلاث|أربع|اربع|خمس|ست|سبع|ثمان|تسع|عشر)(ة|ين|ون)?$', b):
            items.append((s, e, w))
    for s, e, w in sorted(items):
        cover = [g for (gs, ge, g) in spans if gs < e and s < ge]
        mark = '+' if cover else '-'
        if cover and not show_all:
            continue
        ctx = text[max(0, s - 25):e + 25].replace('\n', ' ')
        print('  %s %-14s %s' % (mark, w, ctx))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('gold_dir')
    ap.add_argument('--all', action='store_true', help='list covered digits and words too')
    args = ap.parse_args()
    ok = True
    for txt in sorted(glob.glob(os.path.join(args.gold_dir, '*.txt'))):
        if os.path.exists(txt[:-4] + '.json'):
            ok = check(txt, args.all) and ok
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
