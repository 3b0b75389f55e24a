#!/usr/bin/env python3
"""Reviewer's aid (not the matcher): show record alias strings that occur outside labels, to re-read by hand."""
import json, re, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); MARKED = os.path.join(HERE, '..', 'marked')
seed = json.load(open('/work/main/corpus/seed.json'))
al = set()
for e in seed['entities']:
    for a in e.get('aliases', []): al.add((a['text'] if isinstance(a, dict) else a, e['id']))
    for r in e.get('roles', []) or []:
        for a in r.get('aliases', []): al.add((a['text'], e['id']))
LAB = re.compile(r'\[\[(.*?)\|([a-z0-9-]+)\]\]', re.S)
for fn in sorted(os.listdir(MARKED)):
    raw = open(os.path.join(MARKED, fn)).read()
    masked = LAB.sub(lambda m: '#' * len(m.group(0)), raw)
    if fn.endswith('.html'):
        masked = re.sub(r'<head>.*?</head>|<script.*?</script>', lambda m: ' ' * len(m.group(0)), masked, flags=re.S)
        masked = re.sub(r'<[^>]*>', lambda m: ' ' * len(m.group(0)), masked)
    low = masked.lower(); hits = set()
    for text, eid in al:
        t = text.lower()
        key = t if len(t) <= 6 else t[:max(5, len(t) - 3)]
        for m in re.finditer(re.escape(key), low):
            s = m.start()
            if len(t) <= 4 and ((s > 0 and low[s-1].isalnum()) or (s + len(key) < len(low) and low[s+len(key)].isalnum())): continue
            hits.add((s, masked[max(0, s-25):s+35].replace('\n', ' '), text, eid))
    for s, ctx, text, eid in sorted(hits): print(f'{fn}:{s}: [{text} -> {eid}] …{ctx}…')
