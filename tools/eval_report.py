#!/usr/bin/env python3
"""Score `nass entities` / `nass report` against hand-annotated press articles.

Usage:
    python3 tools/eval_report.py data/gold/press [--nass target/release/nass] [--show]
        [--per-file] [--entities FILE --report FILE]

GOLD_DIR holds NN_name.txt articles and, next to each, NN_name.json:
    {"people":  [{"name": str, "variants": [str]}],
     "dates":   [{"text": str, "value": ISO, "until"?: ISO, "optional"?: true}],
     "figures": [{"text": str, "value": number, "percent": bool, "optional"?: true}]}
(conventions: GOLD_DIR/README.md).  Entries marked "optional" are borderline: finding them is
not a hit, missing them is not a miss, and a reported mention that matches one is not a false
positive.

By default nass runs once on the whole GOLD_DIR, as a user would (`nass entities DIR` for the
date and figure mentions, `nass report DIR --format json` for `percent`/`until` and the
merged people).  --per-file runs nass on each article alone instead (no corpus census shared
between an article and its _pdf twin, no merging across articles).  --entities/--report read
saved outputs instead of running nass.

Matching, per document:
  people   forms are compared after folding: diacritics, tatweel and spaces removed,
           أ إ آ ٱ -> ا, ى -> ي, ة -> ه, and a leading و stripped from either side when that
           makes them equal.  A reported person is a corpus-level `people` entry listing the
           document, restricted to the forms of it seen in that document (`documents[].people`).
           A gold person is found if one of its forms equals one of a reported person's forms;
           a reported person is correct if it matches some gold person.  "one entry": a gold
           person with several forms is matched by exactly one reported person.
  dates    value (and `until`) compared exactly.  A gold and a reported mention pair up when
  figures  (1) the values are equal and they are at the same place, else (2) (_pdf articles
           only, where the place is uncertain) the values are equal, else
           (3) they are at the same place (found, wrong value).  Same place: the byte spans
           overlap, the gold span being found by searching its text in the article; where the
           text is not found (the _pdf articles), the texts overlap: folded, one contains the
           other and every number in the shorter one is a whole number of the longer one.
           For figures, "exact" also needs the same `percent`.
  years as figures: reported figures whose value is a year (1000-2100) written in a gold date
           of the same document, or whose text overlaps a gold date.
Standard library only.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

# ------------------------------------------------------------------ folding
_DROP = {0x0640: None, 0xFFFD: None, 0x0670: None}
_DROP.update({c: None for c in range(0x064B, 0x0653)})
_DROP.update({c: None for c in (0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                0x2066, 0x2067, 0x2068, 0x2069, 0x200C, 0x200D)})
_MAP = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ی': 'ي', 'ک': 'ك',
        '٪': '%', '٫': '.', '٬': ',', '،': ','}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
_TABLE = dict(_DROP)
_TABLE.update({ord(k): v for k, v in _MAP.items()})


def fold(s):
    """search form: presentation forms to base letters, marks/tatweel dropped, letters folded"""
    s = ''.join(unicodedata.normalize('NFKC', ch) if 0xFB50 <= ord(ch) <= 0xFEFF else ch
                for ch in s)
    return s.translate(_TABLE)


def name_key(s):
    return re.sub(r'\s+', '', fold(s))


def names_equal(a, b):
    a, b = name_key(a), name_key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    return (a.startswith('و') and a[1:] == b) or (b.startswith('و') and b[1:] == a)


def text_key(s):
    return re.sub(r'\s+', '', fold(s))


# a whole written number: digits with decimal/thousands separators (ر is the decimal mark of
# the Tunisian news agency: 1ر31 = 31.1)
_NUM = re.compile(r'\d+(?:[.,ر]\d+)*')


def texts_overlap(a, b):
    a, b = text_key(a), text_key(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short not in long_:
        return False
    nums_long = _NUM.findall(long_)
    for n in _NUM.findall(short):
        if n not in nums_long:
            return False
    if not re.search(r'\d', short) and len(short) < 3:
        return False
    return True


# ------------------------------------------------------------------ nass output
def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit('failed (%d): %s\n%s' % (p.returncode, ' '.join(cmd), p.stderr.decode()[-2000:]))
    if p.stderr.strip():
        sys.stderr.write(p.stderr.decode(errors='replace')[-2000:])
    return p.stdout.decode('utf-8')


def doc_id(path):
    return os.path.splitext(os.path.basename(path))[0]


def load_outputs(entities_text, report_text):
    """-> {doc: {"dates": [...], "figures": [...], "people": [entries]}}, errors"""
    rep = json.loads(report_text)
    out = collections.defaultdict(lambda: {'dates': [], 'figures': [], 'people': []})
    extra = {}  # (doc, kind, start, end) -> report record (percent, until)
    doc_forms = collections.defaultdict(list)
    for d in rep.get('documents', []):
        doc = doc_id(d['path'])
        for kind in ('dates', 'figures'):
            for x in d.get(kind, []):
                extra[(doc, kind, x.get('start'), x.get('end'))] = x
        for p in d.get('people', []):
            doc_forms[doc].append(p['name'])
    seen = set()
    for line in entities_text.splitlines():
        if not line.strip():
            continue
        m = json.loads(line)
        doc = doc_id(m['document'])
        kind = {'date': 'dates', 'figure': 'figures'}.get(m['kind'])
        if not kind:
            continue
        rec = {'text': m['text'], 'start': m.get('start'), 'end': m.get('end')}
        val = m.get('value')
        if isinstance(val, dict):
            rec.update(val)
        else:
            rec['value'] = val
        r = extra.get((doc, kind, rec['start'], rec['end']), {})
        if kind == 'dates' and 'until' in r and 'until' not in rec:
            rec['until'] = r['until']
        if kind == 'figures':
            rec['percent'] = bool(r.get('percent', m.get('percent', False)))
        seen.add((doc, kind, rec['start'], rec['end']))
        out[doc][kind].append(rec)
    # mentions only in the report (should not happen, but do not lose them)
    for (doc, kind, s, e), x in extra.items():
        if (doc, kind, s, e) not in seen:
            rec = dict(x)
            rec.setdefault('percent', False)
            out[doc][kind].append(rec)
    # people: corpus-level entries restricted to the forms seen in each document
    for p in rep.get('people', []):
        forms = [p['name']] + list(p.get('variants', []))
        for path in p.get('documents', []):
            doc = doc_id(path)
            local = [f for f in forms if any(names_equal(f, g) for g in doc_forms[doc])]
            out[doc]['people'].append({'name': p['name'], 'forms': local or forms})
    for doc, names in doc_forms.items():
        for n in names:
            if not any(names_equal(n, f) for e in out[doc]['people'] for f in e['forms']):
                out[doc]['people'].append({'name': n, 'forms': [n]})
    return out, rep.get('errors', [])


# ------------------------------------------------------------------ gold spans
def locate(gold_entries, raw):
    """Give each gold entry the byte span of its text in the article when it can be found.

    Entries with the same text are spread over its occurrences in list order: k entries per
    occurrence when there are k times more entries than occurrences (list items such as
    `17 و 18 فيفري 2017` or the two sides of a score share one occurrence).  When the text is
    not found or its count does not fit (the _pdf articles), no entry of the article keeps a
    span and all are matched by text.  Returns whether every entry was placed."""
    by_text = collections.defaultdict(list)
    for e in gold_entries:
        by_text[e['text']].append(e)
    for text, entries in by_text.items():
        pat = text.encode('utf-8')
        occ, i = [], raw.find(pat)
        while i >= 0:
            occ.append((i, i + len(pat)))
            i = raw.find(pat, i + 1)
        if not occ or len(entries) % len(occ):
            for e in gold_entries:
                e.pop('_span', None)
            return False
        k = len(entries) // len(occ)
        for j, e in enumerate(entries):
            e['_span'] = occ[j // k]
    return True


def compatible(g, p):
    """same place in the text: spans overlap when both are known, else the texts overlap"""
    if '_span' in g and p.get('start') is not None and p.get('end') is not None:
        s, e = g['_span']
        return p['start'] < e and s < p['end']
    return texts_overlap(g['text'], p['text'])


# ------------------------------------------------------------------ matching
def same_value(kind, g, p):
    if kind == 'dates':
        return str(g['value']) == str(p.get('value')) and g.get('until') == p.get('until')
    try:
        gv, pv = float(g['value']), float(p.get('value'))
    except (TypeError, ValueError):
        return False
    return abs(gv - pv) <= 1e-9 * max(1.0, abs(gv)) and bool(g.get('percent')) == bool(p.get('percent'))


def same_number(kind, g, p):
    """value equal, ignoring `percent` (figures) -- used for the pairing steps"""
    if kind == 'dates':
        return same_value(kind, g, p)
    try:
        gv, pv = float(g['value']), float(p.get('value'))
    except (TypeError, ValueError):
        return False
    return abs(gv - pv) <= 1e-9 * max(1.0, abs(gv))


def closeness(kind, g, p):
    if kind == 'dates':
        a, b = str(g['value']), str(p.get('value'))
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n
    try:
        return -abs(float(g['value']) - float(p.get('value')))
    except (TypeError, ValueError):
        return float('-inf')


def match(kind, gold, pred):
    """-> pairs [(gi, pi, step)], unmatched gold idx, unmatched pred idx"""
    used_g, used_p, pairs = set(), set(), []
    order = sorted(range(len(gold)), key=lambda i: bool(gold[i].get('optional')))
    steps = [
        (1, lambda g, p: same_number(kind, g, p) and compatible(g, p)),
        (2, lambda g, p: same_number(kind, g, p) and '_span' not in g),
        (3, lambda g, p: compatible(g, p)),
    ]
    for step, ok in steps:
        for gi in order:
            if gi in used_g:
                continue
            cands = [pi for pi in range(len(pred)) if pi not in used_p and ok(gold[gi], pred[pi])]
            if not cands:
                continue
            if step == 3:
                cands.sort(key=lambda pi: -closeness(kind, gold[gi], pred[pi]))
            pi = cands[0]
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, step))
    return (pairs, [i for i in range(len(gold)) if i not in used_g],
            [i for i in range(len(pred)) if i not in used_p])


def fmt_val(x):
    v = x.get('value')
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v)
    if x.get('until'):
        s += '..' + str(x['until'])
    if x.get('percent'):
        s += '%'
    return s


def short(t):
    return ' '.join(str(t).split())


# ------------------------------------------------------------------ scoring
def score_doc(doc, gold, pred, notes):
    c = collections.Counter()
    # people ----------------------------------------------------------------
    gp = gold.get('people', [])
    rp = pred['people']
    gforms = [[g['name']] + list(g.get('variants', [])) for g in gp]
    for gi, forms in enumerate(gforms):
        hits = [ri for ri, r in enumerate(rp) if any(names_equal(a, b) for a in forms for b in r['forms'])]
        c['people_gold'] += 1
        if hits:
            c['people_found'] += 1
        else:
            notes['people_miss'].append((doc, gp[gi]['name']))
        if len(forms) > 1:
            c['people_multi'] += 1
            if len(hits) == 1:
                c['people_one_entry'] += 1
                covered = all(any(names_equal(f, b) for b in rp[hits[0]]['forms']) for f in forms)
                if not covered:
                    missing = [f for f in forms if not any(names_equal(f, b) for b in rp[hits[0]]['forms'])]
                    notes['people_forms_missing'].append((doc, gp[gi]['name'], missing))
            elif len(hits) > 1:
                notes['people_split'].append((doc, gp[gi]['name'], [rp[ri]['name'] for ri in hits]))
            else:
                notes['people_split'].append((doc, gp[gi]['name'], []))
    for r in rp:
        c['people_pred'] += 1
        matched = [gi for gi, forms in enumerate(gforms)
                   if any(names_equal(a, b) for a in forms for b in r['forms'])]
        if matched:
            c['people_correct'] += 1
            if len(matched) > 1:
                notes['people_overmerged'].append((doc, r['name'], [gp[i]['name'] for i in matched]))
        else:
            part = [gp[gi]['name'] for gi, forms in enumerate(gforms)
                    if any(name_key(b) and name_key(b) in name_key(a) for a in forms for b in r['forms'])]
            notes['people_fp'].append((doc, r['name'], r['forms'], part))
    # dates and figures -----------------------------------------------------
    for kind in ('dates', 'figures'):
        g, p = gold.get(kind, []), pred[kind]
        pairs, miss, fp = match(kind, g, p)
        c[kind + '_gold'] += sum(1 for x in g if not x.get('optional'))
        absorbed = 0
        for gi, pi, step in pairs:
            if g[gi].get('optional'):
                absorbed += 1
                continue
            c[kind + '_found'] += 1
            if same_value(kind, g[gi], p[pi]):
                c[kind + '_exact'] += 1
            else:
                notes[kind + '_wrong'].append((doc, g[gi]['text'], fmt_val(g[gi]), p[pi]['text'], fmt_val(p[pi])))
        for gi in miss:
            if not g[gi].get('optional'):
                notes[kind + '_miss'].append((doc, g[gi]['text'], fmt_val(g[gi])))
        c[kind + '_pred'] += len(p) - absorbed
        for pi in fp:
            x = p[pi]
            why = 'other'
            if kind == 'figures':
                dates = gold.get('dates', [])
                year_vals = set()
                for d in dates:
                    for k in ('value', 'until'):
                        m = re.match(r'^(\d{4})', str(d.get(k) or ''))
                        if m:
                            year_vals.add(int(m.group(1)))
                    for n in re.findall(r'\d+', fold(d['text'])):
                        if 1000 <= int(n) <= 2100:
                            year_vals.add(int(n))
                try:
                    v = float(x.get('value'))
                except (TypeError, ValueError):
                    v = None
                is_year = v is not None and v.is_integer() and 1000 <= v <= 2100 and int(v) in year_vals
                if is_year or any(compatible(d, x) for d in dates):
                    c['years_as_figures'] += 1
                    why = 'year/date part'
            if why == 'other' and any(compatible(y, x) for y in g):
                why = 'piece/duplicate of a gold ' + kind[:-1]
            notes[kind + '_fp'].append((doc, x['text'], fmt_val(x), why))
    return c


def pct(a, b):
    return '  -  ' if b == 0 else '%5.1f' % (100.0 * a / b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('gold_dir')
    ap.add_argument('--nass', default=None, help='nass binary (default: target/release/nass, '
                    'else $CARGO_TARGET_DIR/release/nass)')
    ap.add_argument('--show', action='store_true', help='list misses and false positives')
    ap.add_argument('--per-file', action='store_true', help='run nass on each article alone')
    ap.add_argument('--entities', help='read this `nass entities` JSON Lines output instead of running nass')
    ap.add_argument('--report', help='read this `nass report --format json` output instead of running nass')
    args = ap.parse_args()

    golds = {}
    for jp in sorted(glob.glob(os.path.join(args.gold_dir, '*.json'))):
        txt = jp[:-5] + '.txt'
        if os.path.exists(txt):
            with open(jp, encoding='utf-8') as fh:
                g = json.load(fh)
            with open(txt, 'rb') as fh:
                raw = fh.read()
            entries = g.get('dates', []) + g.get('figures', [])
            if not locate(entries, raw) and args.show:
                print('note: %s: gold texts not all found in the article, matching by text'
                      % os.path.basename(txt), file=sys.stderr)
            golds[doc_id(txt)] = g
    if not golds:
        sys.exit('no NN_name.txt + NN_name.json pairs in ' + args.gold_dir)

    if args.entities or args.report:
        if not (args.entities and args.report):
            sys.exit('--entities and --report go together')
        with open(args.entities, encoding='utf-8') as fh:
            ent = fh.read()
        with open(args.report, encoding='utf-8') as fh:
            rep = fh.read()
        outputs = [(ent, rep)]
    else:
        nass = args.nass
        if not nass:
            nass = 'target/release/nass'
            if not os.path.exists(nass) and os.environ.get('CARGO_TARGET_DIR'):
                nass = os.path.join(os.environ['CARGO_TARGET_DIR'], 'release', 'nass')
        if not os.path.exists(nass):
            sys.exit('nass binary not found (%s): build it with `cargo build --release` or pass --nass' % nass)
        targets = ([os.path.join(args.gold_dir, d + '.txt') for d in sorted(golds)]
                   if args.per_file else [args.gold_dir])
        outputs = [(run([nass, 'entities', t]), run([nass, 'report', t, '--format', 'json', '-q']))
                   for t in targets]

    pred = collections.defaultdict(lambda: {'dates': [], 'figures': [], 'people': []})
    errors = []
    for ent, rep in outputs:
        o, errs = load_outputs(ent, rep)
        errors += errs
        for doc, v in o.items():
            for k in v:
                pred[doc][k] += v[k]
    for e in errors:
        print('nass error: %s: %s' % (e.get('path'), e.get('error')), file=sys.stderr)

    notes = collections.defaultdict(list)
    total = collections.Counter()
    parts = collections.defaultdict(collections.Counter)
    rows = []
    for doc in sorted(golds):
        c = score_doc(doc, golds[doc], pred[doc], notes)
        total += c
        parts['pdf-damaged' if doc.endswith('_pdf') else 'clean'] += c
        rows.append((doc, c))

    hdr = ('%-18s | %-22s | %-22s | %-22s | %s' %
           ('file', 'people  R / P / 1-entry', 'dates  R / exact / P', 'figures  R / exact / P', 'yrs-as-fig'))
    print(hdr)
    print('-' * len(hdr))

    def line(name, c):
        return ('%-18s | %5s %5s %5s (%2d)  | %5s %5s %5s (%2d)  | %5s %5s %5s (%2d)  | %d' % (
            name,
            pct(c['people_found'], c['people_gold']), pct(c['people_correct'], c['people_pred']),
            ('%d/%d' % (c['people_one_entry'], c['people_multi'])) if c['people_multi'] else '  -',
            c['people_gold'],
            pct(c['dates_found'], c['dates_gold']), pct(c['dates_exact'], c['dates_gold']),
            pct(c['dates_found'], c['dates_pred']), c['dates_gold'],
            pct(c['figures_found'], c['figures_gold']), pct(c['figures_exact'], c['figures_gold']),
            pct(c['figures_found'], c['figures_pred']), c['figures_gold'],
            c['years_as_figures']))
    for doc, c in rows:
        print(line(doc, c))
    print('-' * len(hdr))
    if len(parts) > 1:
        for name in sorted(parts):
            print(line('  ' + name, parts[name]))
    print(line('TOTAL', total))
    print()
    t = total
    print('people : recall %s%% (%d/%d), precision %s%% (%d/%d), one entry per person %d/%d' % (
        pct(t['people_found'], t['people_gold']).strip(), t['people_found'], t['people_gold'],
        pct(t['people_correct'], t['people_pred']).strip(), t['people_correct'], t['people_pred'],
        t['people_one_entry'], t['people_multi']))
    for k in ('dates', 'figures'):
        print('%-7s: recall %s%% (%d/%d), exact value %s%% (%d/%d), precision %s%% (%d/%d)' % (
            k, pct(t[k + '_found'], t[k + '_gold']).strip(), t[k + '_found'], t[k + '_gold'],
            pct(t[k + '_exact'], t[k + '_gold']).strip(), t[k + '_exact'], t[k + '_gold'],
            pct(t[k + '_found'], t[k + '_pred']).strip(), t[k + '_found'], t[k + '_pred']))
    print('years (or date parts) reported as figures: %d' % t['years_as_figures'])
    kinds = collections.Counter(w for _, _, _, w in notes['figures_fp'])
    kinds_d = collections.Counter(w for _, _, _, w in notes['dates_fp'])
    print('false positives: people %d, dates %d (%s), figures %d (%s)' % (
        len(notes['people_fp']), len(notes['dates_fp']),
        ', '.join('%s %d' % kv for kv in kinds_d.most_common()) or '-',
        len(notes['figures_fp']), ', '.join('%s %d' % kv for kv in kinds.most_common()) or '-'))

    if args.show:
        def section(title, items, f):
            print('\n## %s (%d)' % (title, len(items)))
            for it in items:
                print('  ' + f(it))
        section('people missed', notes['people_miss'], lambda x: '%s: %s' % x)
        section('people reported that are not in the gold', notes['people_fp'],
                lambda x: '%s: %s%s%s' % (x[0], ' / '.join(x[2]),
                                          '' if x[2] == [x[1]] else '  (entry: %s)' % x[1],
                                          '  (part of gold: %s)' % ', '.join(x[3]) if x[3] else ''))
        section('gold people split over several entries (or with no entry)', notes['people_split'],
                lambda x: '%s: %s -> %s' % x)
        section('gold people in one entry that lacks some forms', notes['people_forms_missing'],
                lambda x: '%s: %s, missing %s' % x)
        section('entries merging several gold people', notes['people_overmerged'],
                lambda x: '%s: %s = %s' % x)
        for k in ('dates', 'figures'):
            section(k + ' missed', notes[k + '_miss'], lambda x: '%s: %s  [%s]' % (x[0], short(x[1]), x[2]))
            section(k + ' found with a wrong value', notes[k + '_wrong'],
                    lambda x: '%s: %s  gold %s, got %s (%s)' % (x[0], short(x[1]), x[2], x[4], short(x[3])))
            section(k + ' false positives', notes[k + '_fp'],
                    lambda x: '%s: %s  [%s]  %s' % (x[0], short(x[1]), x[2], x[3]))


if __name__ == '__main__':
    main()
