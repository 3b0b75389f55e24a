// Annotation helper (not part of the project): turns hand-marked snippets into gold JSON offsets.
// .ann format: header lines "doc: X", "textFile: Y", "lang: Z", "origin: O"; then blocks separated by blank lines:
//   @ speakerId|null ; speakerName ; kind [; quote override]
//   snippet text with <s>speaker</s> <c>cue</c> <q>content</q>   (optional "#N" line before snippet = Nth occurrence, 1-based)
// The snippet, with the marks stripped, must occur exactly once in the text (or #N picks one). Offsets: UTF-16, end-exclusive.
import fs from 'node:fs';
import path from 'node:path';
const [annPath, outPath] = process.argv.slice(2);
const base = path.resolve(path.dirname(annPath), '..');
const src = fs.readFileSync(annPath, 'utf8');
const blocks = src.split(/\n\s*\n/).map(b => b.trim()).filter(Boolean);
const meta = {};
for (const line of blocks.shift().split('\n')) { const m = line.match(/^(\w+):\s*(.*)$/); if (m) meta[m[1]] = m[2].trim(); }
const tf = fs.existsSync(path.join(base, meta.textFile)) ? path.join(base, meta.textFile) : path.join(base, path.basename(meta.textFile));
const text = fs.readFileSync(tf, 'utf8');
const out = [];
let err = 0;
const OPEN = '“"‘«„‚', CLOSE = '”"’»“‘';
for (const b of blocks) {
  const lines = b.split('\n');
  const head = lines.shift();
  if (!head.startsWith('@')) { console.error('bad block', b); err++; continue; }
  const [id, name, kind, qo] = head.slice(1).split(';').map(x => x.trim());
  let nth = 0, hasNth = false;
  if (/^#\d+$/.test(lines[0])) { nth = +lines.shift().slice(1) - 1; hasNth = true; }
  let snip = lines.join('\n').replace(/\\n/g, '\n');
  const marks = {};
  let plain = '';
  const re = /<(\/?)([scq])>/g;
  let last = 0, m;
  while ((m = re.exec(snip))) {
    plain += snip.slice(last, m.index); last = re.lastIndex;
    if (!m[1]) marks[m[2]] = { s: plain.length }; else marks[m[2]].e = plain.length;
  }
  plain += snip.slice(last);
  const occ = [];
  let i = -1;
  while ((i = text.indexOf(plain, i + 1)) >= 0) occ.push(i);
  if (!hasNth && occ.length !== 1) { console.error(`${meta.doc}: snippet found ${occ.length}x: ${plain.slice(0, 120)}`); err++; continue; }
  const at = occ[nth];
  if (at === undefined) { console.error('nth missing', plain.slice(0, 80)); err++; continue; }
  const off = k => marks[k] ? [at + marks[k].s, at + marks[k].e] : [null, null];
  const [ss, se] = off('s'), [cs, ce] = off('c'), [qs, qe] = off('q');
  if (qs === null) { console.error('no content', plain); err++; continue; }
  const content = text.slice(qs, qe);
  let quote = null;
  if (kind === 'direct' || kind === 'mixed') {
    if (qo !== undefined) quote = qo;
    else if (kind === 'direct') {
      const inner = [ss, cs].filter(x => x !== null && x >= qs && x < qe);
      if (inner.length) {
        const a = Math.min(...inner), z = Math.max(...[se, ce].filter(x => x !== null && x > qs && x <= qe));
        let A = text.slice(qs, a), B = text.slice(z, qe);
        A = A.replace(/[”"’»“‘]\s*[,—–-]?\s*$/, ''); // drop closing mark (and dash) before the cue
        A = A.replace(/\s*[—–]\s*$/, '');
        B = B.replace(/^[^“"‘«„‚]*[“"‘«„‚]/, '');
        quote = A + ' ' + B;
      } else quote = content;
    } else {
      const frags = [];
      const r = /“([^”]*)”|"([^"]*)"|«([^»]*)»|„([^“]*)“|‘([^’]*)’|‚([^‘]*)‘/g;
      let mm; while ((mm = r.exec(content))) frags.push(mm.slice(1).find(x => x !== undefined));
      quote = frags.join(' ');
    }
  }
  out.push({ speakerId: id === 'null' ? null : id, speakerName: name,
    speakerStart: ss, speakerEnd: se, speakerText: ss === null ? null : text.slice(ss, se),
    cueStart: cs, cueEnd: ce, cueText: cs === null ? null : text.slice(cs, ce),
    start: qs, end: qe, contentText: content, kind, quote });
}
out.sort((a, b) => a.start - b.start || a.end - b.end);
const doc = { doc: meta.doc, textFile: meta.textFile, lang: meta.lang, split: 'test', origin: meta.origin, statements: out };
fs.writeFileSync(outPath, JSON.stringify(doc, null, 1) + '\n');
for (const s of out) console.log(`${s.kind.padEnd(8)} ${String(s.speakerId).padEnd(22)} ${s.speakerText ?? '-'} / ${s.cueText ?? '-'} :: ${s.contentText.slice(0, 70).replace(/\n/g, ' ')}${s.quote && s.quote !== s.contentText ? '  Q[' + s.quote.slice(0, 60) + ']' : ''}`);
console.log(`${meta.doc}: ${out.length} statements, ${err} errors`);
process.exit(err ? 1 : 0);
