// Verifier for the blind11 extraction gold files (independent of the project's code).
// Usage: node verify.mjs [--recheck-text]   (run from anywhere; paths are relative to this file)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const dir = path.dirname(fileURLToPath(import.meta.url));
const seed = JSON.parse(fs.readFileSync('/work/main/corpus/seed.json', 'utf8'));
const labels = new Map(seed.entities.map(e => [e.id, e.label]));
const KINDS = new Set(['direct', 'indirect', 'mixed']);
const recheck = process.argv.includes('--recheck-text');
let problems = 0;
const bad = (doc, i, msg) => { problems++; console.log(`${doc}${i === null ? '' : ` #${i}`}: ${msg}`); };
const counts = {};

const resolveText = tf => {
  const a = path.join(dir, tf);
  if (fs.existsSync(a)) return a;
  const b = path.join(dir, path.basename(tf)); // realpage texts sit at the top level, as the brief asks
  return fs.existsSync(b) ? b : null;
};

const files = fs.readdirSync(path.join(dir, 'gold')).filter(f => f.endsWith('.json')).sort();
for (const f of files) {
  const g = JSON.parse(fs.readFileSync(path.join(dir, 'gold', f), 'utf8'));
  const doc = g.doc;
  if (doc + '.json' !== f) bad(f, null, 'doc name differs from file name');
  for (const k of ['doc', 'textFile', 'lang', 'split', 'origin', 'statements']) if (!(k in g)) bad(doc, null, `missing ${k}`);
  if (g.split !== 'test') bad(doc, null, 'split is not test');
  if (g.origin !== 'blind11') bad(doc, null, 'origin is not blind11');
  if (!['en', 'ru', 'uk', 'de'].includes(g.lang)) bad(doc, null, 'bad lang');
  const tp = resolveText(g.textFile);
  if (!tp) { bad(doc, null, `text file ${g.textFile} not found`); continue; }
  const text = fs.readFileSync(tp, 'utf8');
  if (recheck && g.textFile.startsWith('realpages/')) {
    const name = path.basename(g.textFile, '.txt');
    const fresh = execFileSync('node', [path.join(dir, '../../../bin/onrecord.cjs'), 'annotate', '--print-text', path.join(dir, `../../fixtures/realpages/${name}.html`)], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (fresh !== text) bad(doc, null, 'frozen text differs from a fresh --print-text');
  }
  const st = g.statements;
  const c = counts[g.lang] ??= { docs: 0, statements: 0, direct: 0, indirect: 0, mixed: 0, record: 0, newSpeaker: 0, continuation: 0 };
  c.docs++;
  st.forEach((s, i) => {
    c.statements++; c[s.kind] = (c[s.kind] ?? 0) + 1;
    if (s.speakerId) c.record++; else c.newSpeaker++;
    if (s.speakerStart === null) c.continuation++;
    if (!KINDS.has(s.kind)) bad(doc, i, `bad kind ${s.kind}`);
    const span = (name, a, b, t, nullable) => {
      if (a === null || b === null || t === null) {
        if (!(a === null && b === null && t === null)) bad(doc, i, `${name}: partly null`);
        else if (!nullable) bad(doc, i, `${name}: null`);
        return false;
      }
      if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > text.length || a >= b) { bad(doc, i, `${name}: bad offsets ${a}-${b}`); return false; }
      if (text.slice(a, b) !== t) bad(doc, i, `${name}: text at ${a}-${b} is ${JSON.stringify(text.slice(a, b))}, not ${JSON.stringify(t)}`);
      if (t !== t.trim()) bad(doc, i, `${name}: not trimmed`);
      return true;
    };
    const hasS = span('speaker', s.speakerStart, s.speakerEnd, s.speakerText, true);
    const hasC = span('cue', s.cueStart, s.cueEnd, s.cueText, true);
    span('content', s.start, s.end, s.contentText, false);
    if (hasC && !hasS) bad(doc, i, 'cue without speaker');
    if (!hasS) {
      const prev = st[i - 1];
      if (!prev || prev.speakerId !== s.speakerId || prev.speakerName !== s.speakerName) bad(doc, i, 'continuation does not follow a statement of the same speaker');
      if (hasC) bad(doc, i, 'continuation with a cue');
    }
    if (hasS && hasC && s.speakerStart < s.cueEnd && s.cueStart < s.speakerEnd) bad(doc, i, 'speaker and cue overlap');
    for (const [name, a, b, has] of [['speaker', s.speakerStart, s.speakerEnd, hasS], ['cue', s.cueStart, s.cueEnd, hasC]]) {
      if (!has) continue;
      const inside = a >= s.start && b <= s.end, outside = b <= s.start || a >= s.end;
      if (!inside && !outside) bad(doc, i, `${name} straddles the content span`);
    }
    if (s.speakerId !== null) {
      if (!labels.has(s.speakerId)) bad(doc, i, `unknown speakerId ${s.speakerId}`);
      else if (labels.get(s.speakerId) !== s.speakerName) bad(doc, i, `speakerName ${s.speakerName} is not the record label ${labels.get(s.speakerId)}`);
    } else if (!s.speakerName) bad(doc, i, 'new speaker without a name');
    if (s.kind === 'indirect' && s.quote !== null) bad(doc, i, 'indirect with a quote');
    if (s.kind !== 'indirect') {
      if (typeof s.quote !== 'string' || !s.quote) bad(doc, i, `${s.kind} without a quote`);
      else {
        const inner = [s.speakerStart, s.cueStart].some(x => x !== null && x >= s.start && x < s.end);
        if (s.kind === 'direct' && !inner && s.quote !== s.contentText) bad(doc, i, 'direct quote differs from the content');
        if (s.kind === 'mixed' || inner) {
          // every word of the quote must occur in the content, in order (split quotes and fragments are joined by one space)
          let at = 0, ok = true;
          for (const w of s.quote.split(/\s+/).filter(Boolean)) { const k = s.contentText.indexOf(w, at); if (k < 0) { ok = false; break; } at = k + w.length; }
          if (!ok) bad(doc, i, 'quote words not found in the content, in order');
        }
        if (s.kind === 'mixed' && !/[“”"‘’«»„‚']/.test(s.contentText)) bad(doc, i, 'mixed content without quotation marks');
      }
    }
    if (i > 0) {
      const p = st[i - 1];
      if (p.start > s.start || (p.start === s.start && p.end > s.end)) bad(doc, i, 'statements not sorted by content start');
      if (p.start === s.start && p.end === s.end && p.speakerId === s.speakerId && p.speakerName === s.speakerName && p.cueStart === s.cueStart) bad(doc, i, 'duplicate statement');
    }
  });
}
console.log('\nlang  docs statements direct indirect mixed record new continuation');
for (const [l, c] of Object.entries(counts)) console.log(`${l.padEnd(5)} ${String(c.docs).padStart(4)} ${String(c.statements).padStart(10)} ${String(c.direct).padStart(6)} ${String(c.indirect).padStart(8)} ${String(c.mixed).padStart(5)} ${String(c.record).padStart(6)} ${String(c.newSpeaker).padStart(3)} ${String(c.continuation).padStart(12)}`);
console.log(problems ? `\n${problems} problem(s)` : '\nclean');
process.exit(problems ? 1 : 0);
