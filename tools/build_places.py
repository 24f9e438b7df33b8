#!/usr/bin/env python3
"""Rebuild data/names/places.txt: place names, so that a town that looks like a person's name
(سيدي بوزيد، بن قردان، بن عروس) is not reported as a person.

Two sources, both folded the way nass folds words (no diacritics, أ إ آ → ا, ى → ي, ة → ه):

1. The place entities (LOC) of ANERcorp (CAMeL Lab train split, CC BY-SA 4.0) and AQMAR
   (CC BY-SA 3.0) in ../shared/data/ner, less any that is also annotated as a person.
2. Unlabelled news (the ANT corpus, Apache-2.0): the words written after a place noun
   (ولاية، معتمدية، مدينة، بلدية، محافظة، قرية…). For each such place noun, the name is the
   longest run of one to three words after it that the corpus writes there at least
   MIN_SEEN times, each word longer than the one before it in at least half of those
   occurrences (ولاية سيدي بوزيد gives سيدي بوزيد, not سيدي; ولاية تونس gives تونس, not
   تونس العاصمه). A run is dropped when its first word is a stopword or an adjective
   (مدينة كبيرة) — that is, when it is seen after the place noun in under a tenth of its
   occurrences while being a common word — or when it is also a person's name in source 1.

Usage:
    python3 tools/build_places.py ../shared/data/ner ../shared/data/news/ant-v1.1 \
        data/names/places.txt
"""
import collections
import os
import re
import sys

from build_names import entity_spans, fold, lexicon_zipf, ner_files, read_names

WORD = re.compile('[\u0621-\u064A\u064B-\u0652\u0640\u0670]+')
# A break in the run of words: any punctuation or digit between two words.
TOKEN = re.compile(r'[\u0621-\u064A\u064B-\u0652\u0640\u0670]+|[^\s\u0621-\u064A]')

# Nouns that a place name follows (folded), with the prepositions glued to them removed first.
# Only the capital takes the article before a name (العاصمة تونس); المنطقة ككل, المدينة كلها.
PLACE_NOUNS = {
    'ولايه', 'معتمديه', 'مدينه', 'بلديه', 'محافظه', 'قريه', 'بلده', 'منطقه', 'عاصمه',
    'جزيره', 'اقليم', 'ضاحيه', 'ولايات', 'مدن', 'معتمديات',
}
PROCLITICS = ('وب', 'فب', 'ول', 'و', 'ف', 'ب', 'ل')
ARTICLE_PLACE_NOUNS = {'العاصمه', 'بالعاصمه', 'والعاصمه'}
# Words that open place names and names alike (بن قردان، سيدي بوزيد، عين دراهم): a run goes
# on past them even when they are stopwords.
PARTICLES = {'بن', 'ابن', 'ابو', 'بني', 'سيدي', 'عين', 'بئر', 'ام', 'ال', 'دار', 'برج', 'واد', 'وادي', 'حمام', 'دوار', 'منزل', 'قصر', 'راس', 'حاسي'}
MIN_SEEN = 3
MAX_WORDS = 3
# A run is longer by one word when that word follows it in at least this share of its
# occurrences: سيدي بوزيد, بن قردان (beside بن عروس), not تونس العاصمه.
EXTEND_SHARE = 0.2
# A single word that is followed by another word of the run this often is the first word of
# many place names (سيدي، برج، عين), no name on its own.
OPENER_SHARE = 0.8


# First words of place names only, never of people's (بسيدي بوسعيد، بعين دراهم): with ب
# glued on, the run after them is a place.
PLACE_PARTICLES = {'سيدي', 'بئر', 'عين', 'برج', 'وادي', 'واد', 'حمام', 'دوار', 'حاسي'}


def glued_place_particle(w):
    """The place particle `w` is with ب (or وب) glued on, or None."""
    for p in ('وب', 'ب'):
        if w.startswith(p) and w[len(p):] in PLACE_PARTICLES:
            return w[len(p):]
    return None


def place_noun(w):
    """The place noun `w` is, with a glued preposition removed, or None."""
    if w in PLACE_NOUNS or w in ARTICLE_PLACE_NOUNS:
        return w
    for p in PROCLITICS:
        if w.startswith(p) and w[len(p):] in PLACE_NOUNS:
            return w[len(p):]
    return None


def annotated(ner_root):
    """The place and person names (folded, words joined by spaces) of the annotated corpora."""
    places, people = set(), set()
    for f in ner_files(ner_root):
        places.update(' '.join(fold(w) for w in span) for span in entity_spans(f, 'LOC'))
        people.update(' '.join(fold(w) for w in span) for span in entity_spans(f, 'PER'))
    return places, people


def stopwords():
    here = os.path.dirname(os.path.abspath(__file__))
    out = set()
    for name in os.listdir(os.path.join(here, '..', 'stopwords')):
        path = os.path.join(here, '..', 'stopwords', name)
        if os.path.isfile(path):
            with open(path, encoding='utf-8') as fh:
                out.update(fold(l.strip()) for l in fh if l.strip() and not l.startswith('#'))
    return out


def news_texts(root):
    for d, _, files in os.walk(root):
        for f in sorted(files):
            with open(os.path.join(d, f), encoding='utf-8', errors='replace') as fh:
                raw = fh.read()
            a, b = raw.find('<TEXT>'), raw.find('</TEXT>')
            title = re.search('<TITLE>(.*?)</TITLE>', raw, re.S)
            yield (title.group(1) if title else '') + '\n' + (raw[a + 6:b] if 0 <= a < b else raw)


def after_place_nouns(root, stop, zipf):
    """For each place noun (or particle with ب glued on) met in the news, the runs of up to
    MAX_WORDS words after it (no punctuation or stopword between), and how often each word
    occurs in all."""
    runs, seen = [], collections.Counter()
    for text in news_texts(root):
        tokens = [fold(t) for t in TOKEN.findall(text)]
        for t in tokens:
            seen[t] += 1
        for i, t in enumerate(tokens):
            glued = glued_place_particle(t)
            if glued:
                # بسيدي بوسعيد: "in" and the first word of a town's name in one word.
                rest = [glued] + tokens[i + 1:i + MAX_WORDS]
            elif place_noun(t):
                rest = tokens[i + 1:i + 2 + MAX_WORDS]
            else:
                continue
            # العاصمة الإثيوبية أديس أبابا: the adjective between the noun and the name.
            if rest and is_nisba(rest[0]):
                rest = rest[1:]
            run = []
            for u in rest[:MAX_WORDS]:
                if ends_run(u, stop, zipf):
                    break
                run.append(u)
            if run:
                runs.append(tuple(run))
    return runs, seen


def ends_run(u, stop, zipf):
    """Whether word `u` is past the end of a place name: punctuation, a one-letter word, a
    stopword, another place noun, a preposition and article glued to a word (بالقصبه), or a
    conjunction glued to a known word (وشمال)."""
    if not WORD.fullmatch(u) or len(u) < 2 or place_noun(u) or u.startswith('بال'):
        return True
    if u in PARTICLES:
        return False
    return u in stop or (u[0] == 'و' and zipf.get(u[1:], 0) > zipf.get(u, 0))


def is_nisba(w):
    """A relative adjective with the article (التركيه، الامريكيه): it describes a place
    name, it is none."""
    return w.startswith('ال') and w.endswith('يه')


def learnt_places(runs, seen, zipf, people, given):
    prefixes = collections.Counter(r[:n] for r in runs for n in range(1, len(r) + 1))
    chosen = collections.Counter()
    for r in runs:
        best = None
        for n in range(1, len(r) + 1):
            c = prefixes[r[:n]]
            # After a particle alone any word may follow (سيدي بوزيد، سيدي بوسعيد…).
            particle = n == 2 and r[0] in PARTICLES
            short = n > 1 and not particle and c < EXTEND_SHARE * prefixes[r[:n - 1]]
            if c < MIN_SEEN or short or (n > 1 and is_nisba(r[n - 1])):
                break
            best = r[:n]
        if best:
            chosen[best] += 1
    continued = collections.Counter(r[0] for r in runs if len(r) > 1)
    chosen_firsts = {r[0] for r in chosen}
    keep = set()
    for run, c in chosen.items():
        # بن قردان، سيدي بوزيد: the word after the particle is the one to judge.
        first = run[1] if run[0] in PARTICLES and len(run) > 1 else run[0]
        if c < MIN_SEEN or is_nisba(run[-1]) or (len(run) == 1 and (len(first) < 3 or first in PARTICLES)):
            continue
        # An adjective without the article (منطقة صناعية، مدينة أميركية).
        if len(run) == 1 and first.endswith('يه') and zipf.get(first, 0) >= 3.5:
            continue
        # A preposition glued to a common word (لمزيد).
        if first[0] in 'وفبل' and zipf.get(first[1:], 0) >= 4.0:
            continue
        if len(run) == 1 and continued[run[0]] >= OPENER_SHARE * prefixes[run]:
            continue
        # A common word seldom written after a place noun is an adjective or a noun (مدينة
        # كبيرة، منطقة صناعية), not a name.
        if first == run[0] and zipf.get(first, 0) >= 4.0 and prefixes[run[:1]] * 10 < seen[first]:
            continue
        # A place noun or a place with a preposition glued on (بمعتمديه، بسوسه) is counted
        # under its bare form.
        if place_noun(run[0]) or (run[0][0] in 'وفبل' and run[0][1:] in chosen_firsts):
            continue
        name = ' '.join(run)
        if name not in people and first not in given:
            keep.add(name)
    return keep


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ner_root, news, out = sys.argv[1:]
    places, people = annotated(ner_root)
    zipf = lexicon_zipf()
    runs, seen = after_place_nouns(news, stopwords(), zipf)
    given = read_names('given.txt', 'given-news.txt')
    learnt = learnt_places(runs, seen, zipf, people, given)
    # Single-letter and clitic-only leftovers of the annotation are no places. A given name
    # annotated as a place (المحيط الهادي gives الهادي) is left out: a person is likelier. So
    # is a one-word place that is also a family name (خان، السلام in عبد السلام).
    family = {w for p in people for w in p.split()[1:]}
    family |= {w[3:] for p in people for w in p.split() if w.startswith('عبد') and len(w) > 5}  # عبدالسلام
    # A conjunction glued on (وحسان) is taken off when what is left is a place or a name.
    def without_conjunction(p):
        return p[1:] if p.startswith('و') and (p[1:] in places or p[1:] in given or p[1:] in family) else p
    names = {without_conjunction(p) for p in places | learnt}
    names = {p for p in names
             if p not in people and p not in given and p not in family and len(p.replace(' ', '')) >= 3}
    with open(out, 'w', encoding='utf-8') as fh:
        fh.write('# place names: ANERcorp and AQMAR place entities (CC BY-SA) and the names written '
                 'after place nouns in ANT news (Apache-2.0); built by tools/build_places.py\n')
        for name in sorted(names):
            fh.write(name + '\n')
    print(f'{len(names)} places ({len(places)} annotated, {len(learnt)} learnt from news)', file=sys.stderr)


if __name__ == '__main__':
    main()
