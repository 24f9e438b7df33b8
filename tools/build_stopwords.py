#!/usr/bin/env python3
"""Build stopwords/ar.txt, nass's Arabic stopword list for term frequency.

Usage:
    python3 tools/build_stopwords.py /work/shared/data/stopwords stopwords/ar.txt

Sources (both MIT, see NOTICE and stopwords/README.md), read from SRC_DIR:
    mohataher/list.txt                 mohataher/arabic-stop-words (c) 2016 Mohamed Taher Alrefaie
    stopwords-iso-ar/stopwords-ar.txt  stopwords-iso/stopwords-ar   (c) 2016 Gene Diaz

Steps:
  1. read both lists, one entry per line;
  2. normalise: strip whitespace, remove diacritics U+064B-U+0652 and tatweel U+0640;
  3. drop junk: empty entries, entries with any character outside the Arabic letters
     U+0621-U+064A (Latin, digits, '?', punctuation, spaces, i.e. multi-word
     entries), and single letters;
  4. merge and de-duplicate;
  5. remove EXCLUDE (reviewed by hand, grouped by reason below);
  6. add ADDITIONS (missing spelling variants / common forms of kept function words);
  7. write one word per line, sorted by Unicode code point, UTF-8, LF, after one
     `#` header line.

Policy: the list holds function words only (particles, prepositions, conjunctions,
pronouns, demonstratives, relative pronouns, auxiliary/copular verbs and their
common forms, adverbs of time/place used as function words, interjections).
It never holds content words, month or day names, number words (cardinal,
ordinal, fractions) or currency names: those carry meaning for a press analysis
or feed date and figure extraction. tools/check_stopwords.py checks what it can.

A summary (counts per step and per exclusion group) is printed on stderr.
Standard library only; the output is deterministic.
"""
import os
import re
import sys

SOURCES = [
    ('mohataher', os.path.join('mohataher', 'list.txt')),
    ('stopwords-iso', os.path.join('stopwords-iso-ar', 'stopwords-ar.txt')),
]

HEADER = ('# nass Arabic stopwords, built by tools/build_stopwords.py from '
          'mohataher/arabic-stop-words and stopwords-iso (MIT); see NOTICE')

DIACRITICS = re.compile('[\u064B-\u0652\u0640]')
ARABIC_WORD = re.compile('^[\u0621-\u064A]+$')

# ---------------------------------------------------------------------------
# EXCLUDE: every merged entry removed on review, grouped by reason.
# Each group is a set; EXCLUDE is their union.
# ---------------------------------------------------------------------------
EXCLUDE_GROUPS = {}

# Letter names and junk: names of the alphabet's letters, typos, bare clitics, grammar-paradigm examples.
EXCLUDE_GROUPS['junk'] = {
    'باء', 'تاء', 'ثاء', 'جيم', 'حاء', 'خاء', 'دال', 'ذال', 'راء', 'زاي', 'سين',
    'شين', 'صاد', 'ضاد', 'طاء', 'ظاء', 'عين', 'غين', 'فاء', 'قاف', 'كاف', 'لام',
    'ميم', 'نون', 'هاء', 'واو', 'ياء', 'همزة',
    'االا', 'االتى', 'ابين', 'ليسب', 'وثي', 'ديك',   # typos / garbled entries
    'أل', 'نا',                                     # bare article / suffix pronoun
    'فعل', 'تفعلان', 'تفعلون', 'تفعلين', 'يفعلان', 'يفعلون',  # paradigm of فعل
}

# Gregorian months (Middle-East, Levantine, Maghrebi forms) and Hijri months: feed date extraction.
EXCLUDE_GROUPS['months'] = {
    'يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس',
    'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر',
    'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'ايار', 'حزيران', 'تموز', 'آب',
    'أيلول', 'تشرين',
    'جانفي', 'فيفري', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت',
    'صفر',                                          # Hijri month (also "zero")
}

# Day names (without the article as in the sources): feed date extraction.
EXCLUDE_GROUPS['days'] = {
    'أربعاء', 'ثلاثاء', 'خميس', 'جمعة', 'سبت',
}

# Number words: cardinals, hundreds, thousands/millions, ordinals, vague counts; feed figure extraction (أحد/احد/إحدى: "one (of)" and Sunday).
EXCLUDE_GROUPS['numbers'] = {
    'واحد', 'أحد', 'احد', 'إحدى', 'اثنان', 'اثنين', 'اثنا', 'اثني',
    'ثلاث', 'ثلاثة', 'أربع', 'أربعة', 'اربعة', 'خمس', 'خمسة', 'ست', 'ستة',
    'سبع', 'سبعة', 'ثمان', 'ثماني', 'ثمانية', 'تسع', 'تسعة', 'عشر', 'عشرة',
    'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'اربعون', 'اربعين', 'خمسون', 'خمسين',
    'ستون', 'ستين', 'سبعون', 'سبعين', 'ثمانون', 'ثمانين', 'تسعون', 'تسعين',
    'مئة', 'مائة', 'مئتان', 'ثلاثمئة', 'ثلاثمائة', 'أربعمئة', 'أربعمائة',
    'خمسمئة', 'خمسمائة', 'ستمئة', 'ستمائة', 'سبعمئة', 'سبعمائة', 'ثمانمئة',
    'ثمنمئة', 'تسعمئة', 'تسعمائة',
    'ألف', 'الف', 'مليون', 'مليار', 'نيف',
    'أول', 'اول', 'الاول', 'الاولى', 'ثان', 'ثاني', 'ثانية', 'الثاني', 'الثانية',
    'ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن', 'تاسع', 'عاشر', 'حادي',
}

# Currency names and units: figures in press text ("500 مليون دولار") need them.
EXCLUDE_GROUPS['currencies'] = {
    'جنيه', 'درهم', 'دولار', 'دينار', 'ريال', 'سنتيم', 'شيكل', 'فلس', 'قرش',
    'ليرة', 'مليم', 'هللة', 'يوان', 'يورو', 'ين',
}

# Time nouns and relative-date words: content nouns (يوم، عام، سنة) or date references for date extraction.
EXCLUDE_GROUPS['time_nouns'] = {
    'يوم', 'اليوم', 'ايام', 'عام', 'عاما', 'سنة', 'سنوات', 'الوقت', 'نهاية',
    'أمس', 'امس', 'غدا', 'صباح', 'صباحا', 'مساء', 'ضحوة',
    'الماضي', 'المقبل', 'السابق', 'الحالي', 'الاخيرة',
}

# Name parts: kunya/nasab/family words and given names; they feed people extraction.
EXCLUDE_GROUPS['name_parts'] = {
    'أبو', 'وأبو', 'بن', 'آل', 'علي', 'معاذ', 'باسم', 'حبيب', 'لعمر',
}

# Verbs with lexical meaning (said, took, gave, found, returned, ...), incl. the press reporting verbs.
EXCLUDE_GROUPS['content_verbs'] = {
    'قال', 'وقال', 'وقالت', 'اكد', 'واكد', 'واضاف', 'واضافت', 'واوضح', 'اعلنت',
    'أخبر', 'أنبأ', 'نبا', 'خبر', 'حدث', 'أرى', 'رأى', 'أعلم', 'علم', 'ظن',
    'زعم', 'عد', 'حجا', 'خال', 'درى', 'تعلم', 'وجد', 'ألفى', 'جعل', 'اتخذ',
    'تخذ', 'ترك', 'وهب', 'أعطى', 'كسا', 'أطعم', 'سقى', 'رزق', 'أسكن', 'زود',
    'أخذ', 'أنشأ', 'أقبل', 'علق', 'راح', 'عاد', 'رجع', 'ذهب', 'غادر', 'قام',
    'وقف', 'ورد', 'يجري', 'ارتد', 'استحال', 'انقلب', 'تبدل', 'تحول', 'انبرى',
    'حار', 'ساء', 'كرب', 'كلم',
}

# Nouns and adjectives with lexical meaning (father, news agency, force, visit, north, ...).
EXCLUDE_GROUPS['content_nouns'] = {
    'أب', 'أخ', 'أخو', 'حم', 'حمو', 'فو', 'أمد', 'حي', 'تين', 'عدس', 'طاق',
    'يمين', 'شمال', 'قوة', 'زيارة', 'اعادة', 'اطار', 'وجود', 'عدد', 'شخصا',
    'لقاء', 'إضافي', 'الذاتي', 'عامة', 'خاصة', 'جلل', 'صبر',
    'برس', 'لوكالة', 'للامم',                      # "(فرانس) برس", "لوكالة (الأنباء)", "للأمم (المتحدة)"
}

# Formulaic masdars and exclamations with lexical meaning (misery, praise, patience, secretly, ...).
EXCLUDE_GROUPS['formulaic_content'] = {
    'بؤسا', 'تعسا', 'سحقا', 'بعدا', 'حمدا', 'صبرا', 'سمعا', 'عجبا', 'صدقا',
    'سرا', 'عيانا', 'بغتة', 'صراحة', 'بعيدا', 'سبحان', 'لبيك', 'رب', 'عوض',
}

EXCLUDE = set().union(*EXCLUDE_GROUPS.values())

# ---------------------------------------------------------------------------
# ADDITIONS: kept function words the sources miss, each with the reason.
# Only spelling variants / common forms of entries already kept, and token
# forms of source entries that the single-word rule drops or splits.
# ---------------------------------------------------------------------------
ADDITIONS = {
    # Hamza spelling variants: press text is written both with and without hamza.
    'أخرى': 'hamza spelling of kept اخرى',
    'إليه': 'hamza spelling of kept اليه',
    'إليها': 'hamza spelling of kept اليها',
    'انا': 'hamza-less spelling of kept أنا',
    'انتم': 'hamza-less spelling of kept أنتم',
    'اين': 'hamza-less spelling of kept أين',
    'اذ': 'hamza-less spelling of kept إذ',
    'انما': 'hamza-less spelling of kept إنما',
    'اقل': 'hamza-less spelling of kept أقل',
    'اولئك': 'hamza-less spelling of kept أولئك',
    'اليك': 'hamza-less spelling of kept إليك',
    'اليكم': 'hamza-less spelling of kept إليكم',
    # Final ya / alif maqsura variants (ي written for ى and back).
    'حوالي': 'the usual spelling of kept حوالى',
    'حتي': 'ى written as ي in kept حتى (حتي has no other reading)',
    'لكى': 'ي written as ى in kept لكي, as كى for kept كي',
    # Common forms of kept auxiliaries (كان، تم، زال، أصبح، بات، صار، ظل).
    'يكن': 'jussive of kept كان (لم يكن)',
    'تكن': 'jussive of kept كان (لم تكن)',
    'كانوا': 'plural of kept كان',
    'يتم': 'imperfect of kept تم (passive auxiliary)',
    'يزال': 'token of kept لايزال/مايزال when written as two words',
    'تزال': 'feminine of يزال (لا تزال/ما تزال)',
    'زالت': 'token of ما زالت/لا زالت (kept مازال, لازال)',
    'أصبحت': 'feminine of kept أصبح',
    'اصبحت': 'feminine of kept اصبح',
    'باتت': 'feminine of kept بات',
    'صارت': 'feminine of kept صار',
    'ظلت': 'feminine of kept ظل',
    # Token forms of source entries the rules split or drop.
    'سيما': 'token of the source entry "لا سيما" (kept لاسيما); only used in that phrase',
    'لقد': 'لـ + kept قد, as the sources keep وقد and فقد',
    'ربما': 'the modern form of the particle رب (excluded bare: unvocalised رب reads "Lord")',
}

MIN_LEN = 2  # single letters are junk (clitics split off by bad tokenisation)


def normalise(line):
    return DIACRITICS.sub('', line.strip())


def read_source(path):
    with open(path, encoding='utf-8-sig') as f:
        return [line for line in f.read().splitlines() if line.strip()]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    src_dir, out_path = argv[1], argv[2]
    log = sys.stderr.write

    merged = set()
    for name, rel in SOURCES:
        raw = read_source(os.path.join(src_dir, rel))
        kept, not_letters, single = set(), [], []
        for line in raw:
            w = normalise(line)
            if not ARABIC_WORD.match(w):
                not_letters.append(line.strip())
            elif len(w) < MIN_LEN:
                single.append(w)
            else:
                kept.add(w)
        log(f'{name}: {len(raw)} entries; dropped {len(not_letters)} not Arabic letters '
            f'(e.g. {not_letters[:4]}), {len(single)} single letters; '
            f'{len(kept)} distinct words\n')
        merged |= kept
    log(f'merged: {len(merged)} distinct words\n')

    removed = merged & EXCLUDE
    for group, words in EXCLUDE_GROUPS.items():
        hit = sorted(merged & words)
        log(f'  excluded {group}: {len(hit)}\n')
    stale = sorted(EXCLUDE - merged)
    if stale:
        log(f'warning: excluded words not in the sources: {stale}\n')
    overlap = [w for g, s in EXCLUDE_GROUPS.items() for w in s
               if sum(w in t for t in EXCLUDE_GROUPS.values()) > 1]
    if overlap:
        log(f'error: words in more than one exclusion group: {sorted(set(overlap))}\n')
        return 1

    bad = sorted(w for w in ADDITIONS
                 if not ARABIC_WORD.match(w) or len(w) < MIN_LEN or w in EXCLUDE)
    if bad:
        log(f'error: additions that break the rules or are excluded: {bad}\n')
        return 1
    redundant = sorted(w for w in ADDITIONS if w in merged)
    if redundant:
        log(f'warning: additions already in the sources: {redundant}\n')

    final = sorted((merged - EXCLUDE) | set(ADDITIONS))
    log(f'removed: {len(removed)}; added: {len(set(ADDITIONS) - merged)}; '
        f'final: {len(final)}\n')

    out_dir = os.path.dirname(out_path)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    tmp = out_path + '.tmp'
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write(HEADER + '\n')
        for w in final:
            f.write(w + '\n')
    os.replace(tmp, out_path)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
