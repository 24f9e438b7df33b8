#!/usr/bin/env python3
"""Rebuild data/names/given.txt: given names seen in annotated Arabic news.

Source: the person entities (PERS/PER) of ANERcorp (CAMeL Lab train split, CC BY-SA 4.0)
and AQMAR (CC BY-SA 3.0) in ../shared/data/ner. The first word of every person name of two
or more words is a given name (محمد in محمد البرادعي, كوفي in كوفي أنان); a conjunction or
preposition glued to it is removed (ومحمد → محمد; see first_names). Names are written folded (أ إ آ → ا,
ى → ي, ة → ه, no diacritics), one per line, sorted, with the number of times seen.

Usage: python3 tools/build_names.py ../shared/data/ner data/names/given.txt

With --news DIR OUT, it writes instead the given names learnt from unlabelled news
(data/names/given-news.txt) by cues that do not need nass to know the name already. In the
articles under DIR (the ANT corpus, Apache-2.0), a word is met in a cue position when it
comes
  - after a title, occupation or role (السيد، الدكتورة، الشيخ، الحاجة، الفنانة، اللاعب،
    المدرب، الطفلة، النائب، المحامية، الناشطة، المندوب، الناطق، القيادية…; up to two article
    words between them are skipped: الرئيس الأمريكي باراك أوباما، الفنانة القديرة X), after a
    kinship noun (زوجته، ابنه، والدته، شقيقته، أرملة…) or after a verb of saying that opens
    the sentence (قالت، أكد، أوضحت، اعتبر…), with a name-like word after it (a known given
    name or a word of zipf under 4.5, 3.8 with the article);
  - before بن / بنت in a patronymic (سهام بن سدرين), with a name-like word after بن, no
    title or article word before it, and بن Y no town (بن قردان، بن عروس).
The word itself must be plain: no stopword, title or kinship noun, no article, no glued
clitic before an article (للنادي، بالحركة); a word written more often than not with a hamza
on its alef before ل (ألفة، إلياس) has no article, though folded so. A conjunction or preposition glued to it counts
for the name (وسمير → سمير) when the name is known or met unglued; a common word with one
(بسجن، لمحكمة) is dropped. A word is kept if it is met so in 2 articles or more, in 5 % of
its occurrences at least, is followed by a name-like word (a family name) in a quarter of
its occurrences at least, is under zipf 5, no place of data/names/places.txt, not in
given.txt and not in NOT_NAMES (clubs, verbs and surnames the cues let in, found by reading
the output). Names of the list as shipped before (OUT is read first) stay unless so
rejected, with their counts if higher, so a rebuild loses none: the first list was learnt from nass's own people in ANT
(خديجة، عزيزة، فوزية are rarely after a cue). Rebuild given.txt first: it is read as the
known names.

    python3 tools/build_names.py ../shared/data/ner data/names/given.txt
    python3 tools/build_names.py --news ../shared/data/news/ant-v1.1 data/names/given-news.txt

Both are deterministic; run twice, the second run changes nothing. (--given FILE after OUT
reads the known names from FILE instead of data/names/given.txt, for held-out checks.)
"""
import collections
import gzip
import os
import re
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


def first_names(spans, zipf):
    """The folded first words of the person names of two words or more, with counts. A
    conjunction or preposition glued to a name (ومحمد، لعماد) is removed when the word
    without it is as common in the lexicon or more (باسم is ب + اسم), when it opens as many
    names unglued, and و from a word the lexicon does not know (وغانلوكا); فاطمة، فيصل،
    وليد، وليام keep their first letter."""
    raw = collections.Counter()
    for span in spans:
        if len(span) >= 2:
            first = fold(span[0])
            if ARABIC.match(first) and len(first) >= 2:
                raw[first] += 1
    counts = collections.Counter()
    for first, c in raw.items():
        rest = first[1:]
        glued = len(first) > 3 and first[0] in 'وفبل' \
            and (zipf.get(rest, 0) > zipf.get(first, 0) or zipf.get(rest, 0) == zipf.get(first, 0) > 0
                 or raw[rest] >= raw[first]
                 or (first[0] == 'و' and first not in zipf))
        counts[rest if glued else first] += c
    return counts


def main():
    root, out = sys.argv[1], sys.argv[2]
    zipf = lexicon_zipf()
    counts = first_names([s for f in ner_files(root) for s in entity_spans(f, 'PER')], zipf)
    counts = {n: c for n, c in counts.items() if not is_noise(n, c, zipf)}
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# given names from ANERcorp and AQMAR person entities (CC BY-SA); built by tools/build_names.py\n')
        for name in sorted(counts):
            fh.write(f'{name}\t{counts[name]}\n')
    print(f'{len(counts)} given names', file=sys.stderr)


# Words after which, in news, a person's name comes: titles and honorifics, occupations,
# and kinship nouns with a possessive (زوجته، ابنه). Folded when read.
TITLES = '''السيد السيدة الدكتور الدكتورة الأستاذ الأستاذة الشيخ الحاج الحاجة الفنان الفنانة
    اللاعب اللاعبة المدرب الطفل الطفلة الشاب الشابة المواطن المواطنة الكاتب الكاتبة الشاعر
    الشاعرة المخرج المخرجة الممثل الممثلة الصحفي الصحفية الإعلامي الإعلامية المطرب المطربة
    المغني المغنية النائب النائبة الوزير الوزيرة المحامي المحامية القاضي القاضية الرئيس
    الزميل الزميلة الفقيد الفقيدة المرحوم المرحومة الراحل الراحلة الإمام العلامة المهندس
    المهندسة الباحث الباحثة الأديب الأديبة الروائي الروائية المناضل المناضلة الحارس المهاجم
    المدافع السفير السفيرة الملك الملكة الأمير الأميرة المستشار المستشارة الشهيد الشهيدة
    الأسير الضحية الطالب الطالبة التلميذ التلميذة المتهم المتهمة الفتاة الناشط الناشطة
    المدير المديرة المندوب المندوبة الناطق الناطقة القيادي القيادية المتحدث المتحدثة الخبير
    الخبيرة المنسق المنسقة الطبيب الطبيبة المعلم المعلمة الرئيسة'''
# Verbs of saying that open a sentence before the speaker's name (قالت ألفة يوسف، أكد خميس
# قسيلة): in the press, the name comes right after them.
SAYING = '''قال قالت أكد أكدت أوضح أوضحت أفاد أفادت صرح صرحت اعتبر اعتبرت أشار أشارت دعا دعت
    كشف كشفت أضاف أضافت'''
KIN = '''زوجته زوجها ابنه ابنها ابنته ابنتها والدته والده والدها والدتها شقيقه شقيقها شقيقته
    شقيقتها أخوه أخته أخيه أخيها حفيده حفيدته زوجة أرملة'''
# Words the cues find that are no given names: clubs (سبورتينغ), words of hospital or
# festival names, verbs and nouns that follow a title in a few articles, surnames (هيكل).
NOT_NAMES = '''اسدل الخالي السيره الو اليو ببن تسند تفجيران تينجه جالاكسي جالكسي سبورتنغ سبورتينغ
    سيلتا ديبورتيفو فايكينغ دوار فيتش لبن مسؤولان ملحمه ميه واحات يرحمكم يست اديس تدرس
    يتمتع اصيبت ذهب توثيق استعدادات شخصه بحروق مدهم للمرؤوس هيكل بوتفليقه جاكسون
    اذاعه شهود علماء مبعوث مجمع مسؤولون معتمد مواطنه'''
# Most article words (adjectives: الفنانة القديرة، الرئيس المعزول) between a title and the name.
MAX_MODIFIERS = 2
# A candidate must be met in cue positions in this many articles, make this share of its
# occurrences at least, and be followed by a name-like word this often (a surname: verbs
# and nouns after a title are followed by common words).
MIN_DOCS = 2
MIN_CUE_SHARE = 0.05
MIN_NAME_NEXT = 0.25
# Zipf frequency from which a word is too common to be a given name learnt from cues, and
# under which one is rare enough to be a family name after it.
MAX_ZIPF = 5.0
RARE = 4.5
RARE_ARTICLE = 3.8


def folded_set(text):
    return {fold(w) for w in text.split()}


def news_texts(news):
    """The text of each article under `news`, in file-name order (read once: the hamza test
    and the cues both go over them)."""
    paths = []
    for root, _, files in os.walk(news):
        paths += [os.path.join(root, f) for f in files if f != 'LICENSE' and not f.endswith('.md')]
    texts = []
    for path in sorted(paths):
        with open(path, encoding='utf-8', errors='replace') as fh:
            texts.append(fh.read())
    return texts


def news_documents(texts):
    """The folded words (and single punctuation marks) of each article text."""
    token = re.compile('[\u0621-\u064A\u064B-\u0652\u0640]+|[^\\s\u0621-\u064A]')
    for text in texts:
        yield [fold(w) for w in token.findall(text)]


def hamza_alef_words(texts):
    """The folded words written more often than not with a hamza on the alef before ل, at
    their start or after one clitic letter (ألفة، إلياس، وألفة): folding makes الفه of ألفة,
    but the article's alef bears no hamza, so these are no words with the article."""
    token = re.compile('[\u0621-\u064A\u064B-\u0652\u0640]+')
    hamza, plain = collections.Counter(), collections.Counter()
    for text in texts:
        for w in token.findall(text):
            bare = DIACRITICS.sub('', w)
            start = 1 if len(bare) > 3 and bare[0] in 'وفبلك' else 0
            if bare[start:start + 2] in ('أل', 'إل', 'آل'):
                hamza[fold(w)] += 1
            elif bare[start:start + 2] == 'ال':
                plain[fold(w)] += 1
    return {w for w, n in hamza.items() if n >= plain[w]}


def stopwords():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'stopwords', 'ar.txt'), encoding='utf-8') as fh:
        return {fold(l.strip()) for l in fh if l.strip() and not l.startswith('#')}


def cue_names(news, known):
    """Given names found in unlabelled news by the words around them, whether or not nass
    knows them: the word after a title (السيد، الفنانة، اللاعب; a nisba or another article
    word between them is skipped: الرئيس الأمريكي باراك أوباما) or after a kinship noun
    (زوجته، ابنه), when a name-like word follows it; and the word before بن / بنت in a
    patronymic (سهام بن سدرين), unless a title or an article word comes before it or بن Y
    is a town (بن قردان). Returns {name: cue count} for the words that pass the tests."""
    zipf, stop = lexicon_zipf(), stopwords()
    places = {fold(l.split('\t')[0].strip()) for l in read_lines('places.txt')}
    titles, kin, saying = folded_set(TITLES), folded_set(KIN), folded_set(SAYING)
    texts = news_texts(news)
    hamza = hamza_alef_words(texts)

    def plain(w):
        article = w.startswith('ال') or w.startswith('لل') or (w[0] in 'وفبك' and w[1:].startswith('ال'))
        return ARABIC.match(w) and len(w) >= 2 and w not in stop and w not in titles \
            and w not in kin and (not article or w in hamza)

    def name_like(w):
        if not ARABIC.match(w) or len(w) < 2 or w in stop or w in titles:
            return False
        return w in known or zipf.get(w, 0) < (RARE_ARTICLE if w.startswith('ال') else RARE)

    cues, docs, seen, before = collections.Counter(), collections.defaultdict(set), collections.Counter(), []
    for n, doc in enumerate(news_documents(texts)):
        before.append(doc)
        for i, w in enumerate(doc):
            seen[w] += 1
            cand = None
            if w in titles or w in kin or w in saying:
                j = i + 1
                while w in titles and j - i <= MAX_MODIFIERS and j < len(doc) \
                        and doc[j].startswith('ال') and doc[j] not in titles and doc[j] not in hamza:
                    j += 1
                if j + 1 < len(doc) and plain(doc[j]) and name_like(doc[j + 1]):
                    cand = doc[j]
            elif w in ('بن', 'بنت') and i > 1 and i + 1 < len(doc) and plain(doc[i - 1]) \
                    and name_like(doc[i + 1]) and doc[i - 2] not in titles \
                    and not doc[i - 2].startswith('ال') and 'بن ' + doc[i + 1] not in places:
                cand = doc[i - 1]
            if cand:
                cues[cand] += 1
                docs[cand].add(n)
    # A conjunction or preposition glued to the name (وسمير، لمحمد) counts for the name.
    for w in sorted(cues):
        rest = w[1:]
        if len(w) > 3 and w[0] in 'وفبل' and (rest in known or rest in cues):
            cues[rest] += cues.pop(w)
            docs[rest] |= docs.pop(w)
            seen[rest] += seen[w]
        elif len(w) > 3 and w[0] in 'وفبل' and zipf.get(rest, 0) >= zipf.get(w, 0) + 0.5:
            del cues[w]  # a common word with a clitic: لمحكمه، بسجن، وشقيقه
    candidates = {w for w in cues
                  if len(docs[w]) >= MIN_DOCS and cues[w] / max(seen[w], 1) >= MIN_CUE_SHARE
                  and zipf.get(w, 0) < MAX_ZIPF}
    # How often each candidate is followed by a name-like word.
    next_name = collections.Counter()
    for doc in before:
        for w, nxt in zip(doc, doc[1:]):
            if w in candidates and nxt not in stop and ARABIC.match(nxt) \
                    and (nxt in known or zipf.get(nxt, 0) < 4.0):
                next_name[w] += 1
    keep = {w: cues[w] for w in candidates
            if next_name[w] / max(seen[w], 1) >= MIN_NAME_NEXT and fold(w) not in places}
    return keep, seen


def write_word_list(out, header, words):
    """Writes a data list: one `# header` line, then one word per line."""
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write(f'# {header}\n')
        for w in words:
            fh.write(w + '\n')


def read_lines(name):
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, '..', 'data', 'names', name), encoding='utf-8') as fh:
        return [l.rstrip('\n') for l in fh if not l.startswith('#') and l.strip()]


def news_main(news, out, given):
    known = set()
    with open(given, encoding='utf-8') as fh:
        known = {l.split('\t')[0].strip() for l in fh if not l.startswith('#')}
    keep, seen = cue_names(news, known)
    # Names learnt before (by an earlier build of this list) stay, unless rejected: the list
    # only grows, so a rebuild loses no name (خديجة، عزيزة، فوزية are rarely after a cue).
    previous = {}
    if os.path.exists(out):
        with open(out, encoding='utf-8') as fh:
            for l in fh:
                if not l.startswith('#') and '\t' in l:
                    name, count = l.rstrip('\n').split('\t')
                    previous[name] = int(count)
    not_names, stop = folded_set(NOT_NAMES), stopwords()
    places = {fold(l.split('\t')[0].strip()) for l in read_lines('places.txt')}
    # (Nor a count: the first list's counts are of nass's people, which cues meet less often.)
    for name, count in previous.items():
        if name not in not_names and name not in stop and name not in places:
            keep[name] = max(count, keep.get(name, 0))
    keep = {n: c for n, c in keep.items() if n not in known and n not in not_names}
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# given names learnt from unlabelled ANT news (Apache-2.0) by the words around them; built by tools/build_names.py --news\n')
        for name in sorted(keep):
            fh.write(f'{name}\t{keep[name]}\n')
    print(f'{len(keep)} given names from news', file=sys.stderr)


if __name__ == '__main__':
    if len(sys.argv) in (4, 6) and sys.argv[1] == '--news':
        given = sys.argv[5] if len(sys.argv) == 6 and sys.argv[4] == '--given' else os.path.join(
            os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'names', 'given.txt')
        news_main(sys.argv[2], sys.argv[3], given)
    else:
        main()
