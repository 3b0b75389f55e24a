#!/usr/bin/env python3
"""Format check for corpus10 marked files (no matcher): markers, ids, HTML placement, counts."""
import json, re, sys, os, collections
from html.parser import HTMLParser
HERE = os.path.dirname(os.path.abspath(__file__))
MARKED = os.path.join(HERE, '..', 'marked')
seed = json.load(open('/work/main/corpus/seed.json'))
types = {e['id']: e['type'] for e in seed['entities']}
NAMES = {'person', 'organization', 'collective', 'place'}
LAB = re.compile(r'\[\[(.*?)\|([a-z0-9-]+)\]\]', re.S)
errs = []
counts = collections.Counter(); ids_used = collections.Counter(); rows = []
FN = re.compile(r'^(1[12][0-9])-(en|ru|uk|de|mixed)-[a-z0-9-]+\.(txt|html)$')

class P(HTMLParser):
    VOID = {'meta', 'link', 'img', 'br', 'hr', 'input', 'source'}
    BAD = {'head', 'title', 'script', 'style', 'noscript'}
    BLOCK = {'p','div','li','ul','ol','h1','h2','h3','section','article','aside','figure','figcaption','blockquote','header','footer','nav','main'}
    def __init__(s): super().__init__(convert_charrefs=True); s.stack=[]; s.bad=[]; s.inlab=False; s.text=[]
    def handle_starttag(s, t, a):
        if any(k=='hidden' for k,_ in a): s.bad.append(('hidden', t))
        if s.inlab and t in s.BLOCK: errs.append(f'{s.fn}: block <{t}> inside a label')
        if t not in s.VOID: s.stack.append(t)
    def handle_endtag(s, t):
        if t in s.VOID: return
        if not s.stack or s.stack[-1] != t: errs.append(f'{s.fn}: bad close </{t}> stack {s.stack[-3:]}'); return
        s.stack.pop()
        if s.inlab and t in s.BLOCK: errs.append(f'{s.fn}: block </{t}> inside a label')
    def handle_data(s, d):
        for ch in d:
            if ch in '\ue000\ue001':
                if any(x in s.BAD for x in s.stack): errs.append(f'{s.fn}: marker inside {s.stack}')
                s.inlab = ch == '\ue000'

for fn in sorted(os.listdir(MARKED)):
    m = FN.match(fn)
    if not m: errs.append(f'bad file name {fn}'); continue
    lang = m.group(2); raw = open(os.path.join(MARKED, fn), encoding='utf-8').read()
    stripped = LAB.sub(lambda x: x.group(1), raw)
    if '[[' in stripped or ']]' in stripped or '|' in re.sub(r'<[^>]*>', '', stripped) and '[[' in raw.split('|')[0]:
        pass
    if '[[' in stripped or ']]' in stripped: errs.append(f'{fn}: unbalanced or malformed marker')
    n = ncls = collections.Counter()
    for x in LAB.finditer(raw):
        surf, eid = x.group(1), x.group(2)
        if eid not in types: errs.append(f'{fn}: unknown id {eid} ({surf})')
        if not surf.strip() or surf != surf.strip(): errs.append(f'{fn}: empty/space surface {surf!r}')
        if '[[' in surf: errs.append(f'{fn}: nested {surf}')
        cls = 'names' if types.get(eid) in NAMES else 'events/topics'
        ncls[cls] += 1; counts[(lang, cls)] += 1; ids_used[eid] += 1
    if fn.endswith('.html'):
        p = P(); p.fn = fn
        p.feed(LAB.sub(lambda x: '\ue000' + x.group(1) + '\ue001', raw)); p.close()
        if p.stack: errs.append(f'{fn}: unclosed {p.stack}')
        # markers inside tags/attributes
        for t in re.finditer(r'<[^>]*>', raw):
            if '[[' in t.group(0) or ']]' in t.group(0): errs.append(f'{fn}: marker inside tag {t.group(0)[:60]}')
        body = re.search(r'<body>(.*)</body>', stripped, re.S).group(1)
        body = re.sub(r'<script.*?</script>|<style.*?</style>|<noscript.*?</noscript>', ' ', body, flags=re.S)
        words = len(re.sub(r'<[^>]*>', ' ', body).split())
    else:
        words = len(stripped.split())
    rows.append((fn, lang, words, ncls['names'], ncls['events/topics']))
for r in rows: print('%-55s %-5s words %3d names %3d ev/top %3d' % r)
print()
tot = collections.Counter()
for (lang, cls), v in sorted(counts.items()): print(lang, cls, v); tot[cls] += v
print('TOTAL', dict(tot), sum(tot.values()))
print('distinct ids', len(ids_used))
if '--ids' in sys.argv:
    for k, v in sorted(ids_used.items()): print(' ', k, types[k], v)
print('ERRORS' if errs else 'OK'); [print(' ', e) for e in errs]
sys.exit(1 if errs else 0)
