/**
 * Error analysis of the statement finder on the DEV split of the extraction
 * set only (the test split is never printed: it stays untuned). Each gold
 * statement not found and each prediction not matched is put in one class:
 *
 * - wrong-speaker: a prediction overlaps the gold content by half (each way) but names another speaker;
 * - span: a prediction with the right speaker overlaps the gold content, but not by half each way;
 * - missed: no prediction touches the gold content (split by whether the gold has a cue);
 * - false: a prediction that touches no gold content at all.
 *
 * Usage: tsx bench/dev-errors.ts [--lang en] [--class missed] [--doc name] [--summary]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Corpus } from '../src/core/corpus/schema.ts';
import { createStatementFinder } from '../src/core/statements/index.ts';
import { loadExtractionSet } from '../test/extraction-set/load.ts';
import { evaluate } from '../test/extraction/evaluate.ts';
import { halfOverlap, sameSpeaker, type PredStatement } from '../test/extraction/score.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const onlyLang = opt('lang');
const onlyClass = opt('class');
const onlyDoc = opt('doc');
const summary = args.includes('--summary');

const corpus = JSON.parse(readFileSync(fileURLToPath(new URL('../corpus/seed.json', import.meta.url)), 'utf8')) as Corpus;
const dev = loadExtractionSet().filter((d) => d.split === 'dev');
const { results } = evaluate(createStatementFinder({ entities: corpus.entities }), dev);

const touches = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.min(a.end, b.end) > Math.max(a.start, b.start);
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\n/g, '⏎');

for (const r of results) {
  if (r.doc.split !== 'dev') throw new Error('dev-errors prints the dev split only');
  const { doc } = r;
  if (onlyLang && doc.lang !== onlyLang) continue;
  if (onlyDoc && doc.doc !== onlyDoc) continue;
  const gold = r.gold as (PredStatement & { speakerText?: string | null; cueText?: string | null })[];
  const matchedGold = new Set(r.matches.filter((g) => g >= 0));
  const out: string[] = [];
  const say = (cls: string, line: string) => {
    bump(`${doc.lang} ${cls}`);
    bump(`all ${cls}`);
    if (!summary && (!onlyClass || cls.startsWith(onlyClass))) out.push(`  [${cls}] ${line}`);
  };
  const predLine = (p: PredStatement, i: number) => {
    const s = r.statements[i]!;
    return `PRED ${p.speakerName}${p.speakerId ? ` (${p.speakerId})` : ''} via ${s.speaker.via} cue=${JSON.stringify(s.cue?.text ?? null)} ${p.kind} ${p.start}-${p.end} «${clip(doc.text.slice(p.start, p.end))}» reasons=${s.reasons.map((x) => x.sieve).join(',')}`;
  };
  gold.forEach((g, gi) => {
    if (matchedGold.has(gi)) return;
    const gl = `GOLD ${g.speakerName}${g.speakerId ? ` (${g.speakerId})` : ''} sp=${JSON.stringify(g.speakerText ?? null)} cue=${JSON.stringify(g.cueText ?? null)} ${g.kind} ${g.start}-${g.end} «${clip(doc.text.slice(g.start, g.end))}»`;
    const half = r.preds.findIndex((p) => halfOverlap(p, g));
    const spanRight = r.preds.findIndex((p) => touches(p, g) && sameSpeaker(p, g));
    if (half >= 0 && !sameSpeaker(r.preds[half]!, g)) say('wrong-speaker', `${gl}\n      ${predLine(r.preds[half]!, half)}`);
    else if (spanRight >= 0) say('span', `${gl}\n      ${predLine(r.preds[spanRight]!, spanRight)}`);
    else if (r.preds.some((p) => touches(p, g))) {
      const i = r.preds.findIndex((p) => touches(p, g));
      say('span+speaker', `${gl}\n      ${predLine(r.preds[i]!, i)}`);
    } else say(g.cueStart === null ? 'missed-nocue' : 'missed', `${gl}\n      ctx: «${clip(doc.text.slice(Math.max(0, g.start - 120), g.end + 40), 400)}»`);
  });
  r.preds.forEach((p, pi) => {
    if (r.matches[pi]! >= 0) return;
    if (gold.some((g) => touches(p, g))) return; // counted on the gold side
    say('false', `${predLine(p, pi)}\n      ctx: «${clip(doc.text.slice(Math.max(0, p.start - 120), p.end + 40), 400)}»`);
  });
  if (out.length > 0) console.log(`== ${doc.doc} (${doc.lang})\n${out.join('\n')}`);
}
console.log('\nclasses (dev split):');
for (const [k, v] of [...counts].sort()) console.log(`  ${k.padEnd(24)} ${v}`);
