#!/usr/bin/env python3
"""Check stopwords/ar.txt against nass's stopword policy, mechanically.

Usage:
    python3 tools/check_stopwords.py [stopwords/ar.txt]

Checks (see tools/build_stopwords.py and stopwords/README.md for the policy):
  - the first line is the `#` header; other `#` lines are comments, no blank lines;
  - every entry is one word of Arabic letters U+0621-U+064A only (no diacritics,
    tatweel, spaces, Latin, digits), at least two letters;
  - entries are sorted by Unicode code point, with no duplicates;
  - no month name, day name, number word or currency name (lists below);
  - none of a sample of known content words the review removed;
  - the same after nass's folding (أ إ آ ٱ -> ا, ى -> ي, ة -> ه, as src/normalize/fold.rs
    does for term keys), except FOLD_ACCEPTED: على folds to علي, the name Ali,
    which a folded match cannot tell apart.
The lists hold tokens (surface forms with and without hamza, with and without
the article) and are independent of build_stopwords.py's exclusion set.
Exits 0 if every check passes, 1 otherwise (each failure on stderr).
Standard library only.
"""
import re
import sys

HEADER_PREFIX = '# nass Arabic stopwords, built by tools/build_stopwords.py'
ARABIC_WORD = re.compile('^[\u0621-\u064A]+$')


def with_article(words):
    """The words, and the words with the article ال (hamza forms kept)."""
    return set(words) | {'ال' + w for w in words}


MONTHS = with_article({
    # Gregorian, Middle East / Egypt / Gulf
    'يناير', 'فبراير', 'مارس', 'أبريل', 'ابريل', 'إبريل', 'مايو', 'يونيو',
    'يونية', 'يوليو', 'يولية', 'أغسطس', 'اغسطس', 'أغسطوس', 'سبتمبر', 'أكتوبر',
    'اكتوبر', 'نوفمبر', 'ديسمبر',
    # Levant / Iraq (Syriac names)
    'كانون', 'شباط', 'آذار', 'اذار', 'نيسان', 'أيار', 'ايار', 'حزيران', 'تموز',
    'آب', 'اب', 'أيلول', 'ايلول', 'تشرين',
    # Maghreb (Algeria, Tunisia; Morocco uses ماي, يونيو, يوليوز, غشت, شتنبر, نونبر, دجنبر)
    'جانفي', 'فيفري', 'أفريل', 'افريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'اوت',
    'يوليوز', 'غشت', 'شتنبر', 'نونبر', 'دجنبر',
    # Hijri (ذو/ذي in ذو القعدة, ذو الحجة are the function word "possessor of")
    'محرم', 'صفر', 'ربيع', 'جمادى', 'جمادي', 'رجب', 'شعبان', 'رمضان', 'شوال',
    'القعدة', 'الحجة',
})

DAYS = with_article({
    'أحد', 'احد', 'اثنين', 'إثنين', 'ثلاثاء', 'أربعاء', 'اربعاء', 'خميس', 'جمعة',
    'سبت',
})

_UNITS = ['ثلاث', 'أربع', 'اربع', 'خمس', 'ست', 'سبع', 'ثمان', 'ثمن', 'تسع']
NUMBERS = with_article(
    {'صفر', 'واحد', 'واحدة', 'أحد', 'احد', 'إحدى', 'احدى',
     'اثنان', 'اثنين', 'اثنا', 'اثني', 'اثنتان', 'اثنتين', 'اثنتا', 'اثنتي',
     'ثلاث', 'ثلاثة', 'أربع', 'أربعة', 'اربع', 'اربعة', 'خمس', 'خمسة', 'ست',
     'ستة', 'سبع', 'سبعة', 'ثمان', 'ثماني', 'ثمانية', 'تسع', 'تسعة', 'عشر',
     'عشرة', 'عشرون', 'عشرين', 'ثلاثون', 'ثلاثين', 'أربعون', 'أربعين', 'اربعون',
     'اربعين', 'خمسون', 'خمسين', 'ستون', 'ستين', 'سبعون', 'سبعين', 'ثمانون',
     'ثمانين', 'تسعون', 'تسعين',
     'مئة', 'مائة', 'مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا', 'مئات',
     'ألف', 'الف', 'ألفا', 'الفا', 'ألفان', 'ألفين', 'الفين', 'آلاف', 'الاف',
     'مليون', 'مليونا', 'مليونين', 'ملايين', 'مليار', 'مليارا', 'مليارين',
     'مليارات', 'بليون', 'بلايين', 'ترليون', 'تريليون',
     'نصف', 'ربع', 'ثلث', 'خمس', 'سدس', 'عشر', 'بضعة', 'نيف', 'عشرات',
     # ordinals, masculine and feminine
     'أول', 'اول', 'أولى', 'اولى', 'ثان', 'ثاني', 'ثانية', 'ثالث', 'ثالثة',
     'رابع', 'رابعة', 'خامس', 'خامسة', 'سادس', 'سادسة', 'سابع', 'سابعة',
     'ثامن', 'ثامنة', 'تاسع', 'تاسعة', 'عاشر', 'عاشرة', 'حادي', 'حادية'}
    | {u + s for u in _UNITS for s in ('مئة', 'مائة')}
    | {u + 'ة' for u in _UNITS if u != 'ثمن'}
)

CURRENCIES = with_article({
    'دولار', 'دولارا', 'دولارات', 'يورو', 'جنيه', 'جنيها', 'دينار', 'دينارا',
    'درهم', 'درهما', 'ريال', 'ريالا', 'ليرة', 'ليرات', 'شيكل', 'يوان', 'ين',
    'فرنك', 'روبل', 'روبية', 'قرش', 'فلس', 'مليم', 'هللة', 'سنتيم',
})

# A sample of content words: the brief's examples and what the review removed.
CONTENT = with_article({
    'رئيس', 'دولة', 'يوم', 'عام', 'سنة', 'شهر', 'أسبوع', 'قال', 'أكد', 'اكد',
    'أعلن', 'اعلن', 'أضاف', 'اضاف', 'أوضح', 'اوضح', 'جديد', 'كبير', 'حكومة',
    'وزير', 'شعب', 'حرب', 'أمس', 'امس', 'غدا', 'وقت', 'أبو', 'بن', 'ابن', 'آل',
    'علي', 'برس', 'وكالة', 'أمم', 'قوة', 'زيارة', 'إعادة', 'اعادة', 'إطار',
    'اطار', 'وجود', 'عدد', 'شمال', 'جنوب', 'شرق', 'غرب', 'يمين', 'يسار', 'ماضي',
    'مقبل', 'سابق', 'حالي', 'أخيرة', 'اخيرة', 'شخص', 'شخصا',
})

FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه'})
FOLD_ACCEPTED = {'على'}


def fold(word):
    return word.translate(FOLD)


POLICY = [
    ('month name', MONTHS),
    ('day name', DAYS),
    ('number word', NUMBERS),
    ('currency name', CURRENCIES),
    ('content word', CONTENT),
]


def check(path):
    errors = []
    with open(path, 'rb') as f:
        data = f.read()
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        return [f'not UTF-8: {e}']
    if text.startswith('\ufeff'):
        errors.append('starts with a BOM')
    if '\r' in text:
        errors.append('has CR characters (use LF line endings)')
    if not text.endswith('\n'):
        errors.append('does not end with a newline')
    lines = text.split('\n')[:-1] if text.endswith('\n') else text.split('\n')
    if not lines or not lines[0].startswith(HEADER_PREFIX):
        errors.append('first line is not the header comment')

    words = []
    for n, line in enumerate(lines, 1):
        if line.startswith('#'):
            continue
        if not ARABIC_WORD.match(line):
            errors.append(f'line {n}: {line!r} is not one word of Arabic letters U+0621-U+064A')
        elif len(line) < 2:
            errors.append(f'line {n}: {line!r} is a single letter')
        words.append((n, line))

    first = {}
    for n, w in words:
        if w in first:
            errors.append(f'line {n}: duplicate {w!r} (first on line {first[w]})')
        else:
            first[w] = n
    for (n1, a), (n2, b) in zip(words, words[1:]):
        if a > b:
            errors.append(f'line {n2}: {b!r} sorts before {a!r} (line {n1})')

    for what, banned in POLICY:
        folded = {fold(b): b for b in sorted(banned)}
        for n, w in words:
            if w in banned:
                errors.append(f'line {n}: {w!r} is a {what}')
            elif fold(w) in folded and w not in FOLD_ACCEPTED:
                errors.append(f'line {n}: {w!r} folds to the {what} {folded[fold(w)]!r}')
    if not words:
        errors.append('no entries')
    return errors


def main(argv):
    path = argv[1] if len(argv) > 1 else 'stopwords/ar.txt'
    errors = check(path)
    for e in errors:
        sys.stderr.write(f'{path}: {e}\n')
    if errors:
        sys.stderr.write(f'{path}: FAILED, {len(errors)} problem(s)\n')
        return 1
    n = sum(1 for line in open(path, encoding='utf-8') if not line.startswith('#'))
    print(f'{path}: OK, {n} entries')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
