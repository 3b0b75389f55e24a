/**
 * The candidates file of `onrecord extract --out`: a corpus that `onrecord
 * corpus validate` accepts on its own — one source per article (its text
 * inside, so passages and quotes are checked), the record's entities the
 * candidates name (copied, so references resolve), new candidate speakers,
 * and one position per statement with `status: "candidate"` and its evidence.
 */
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { FORMAT_VERSION, type Corpus, type Entity, type Position, type Source } from '../core/corpus/schema.ts';
import type { ExtractedFile } from './extract-file.ts';
import { foldString } from '../core/text/fold.ts';

// node:crypto on first use (a candidates file only): with the stream modules it loads, several ms of every extract's start.
const load = createRequire(import.meta.url);
const createHash = (algorithm: string): import('node:crypto').Hash => (load('node:crypto') as typeof import('node:crypto')).createHash(algorithm);

/** Longest stance written: a candidate's stance is its words, to be rewritten by the reviewer. */
const MAX_STANCE = 280;

export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  // Ids are ASCII: a name in Cyrillic gets a short hash instead of its letters.
  return /^[a-z0-9][a-z0-9-]*$/.test(s) ? s : `x-${createHash('sha1').update(text).digest('hex').slice(0, 10)}`;
}

function fileId(file: string): string {
  return `src-${slug(basename(file).replace(/\.[a-z]+$/i, ''))}-${createHash('sha1').update(file).digest('hex').slice(0, 6)}`;
}

export function candidatesCorpus(record: Corpus, files: readonly ExtractedFile[]): { corpus: Corpus; newEntities: number } {
  const known = new Map(record.entities.map((e) => [e.id, e]));
  const used = new Map<string, Entity>();
  const created = new Map<string, Entity>();
  const sources: Source[] = [];
  const positions: Position[] = [];
  const today = new Date().toISOString().slice(0, 10);
  // A "new" speaker whose name is a (non-ambiguous) alias of the record is that entity — a place speaking as its
  // government ("speaksAs") — never a second candidate entity beside it.
  const aliasOwner = new Map<string, Entity>();
  for (const e of record.entities) {
    for (const a of [{ text: e.label, ambiguous: false }, ...e.aliases]) {
      const k = foldString(a.text);
      if (!a.ambiguous && !aliasOwner.has(k)) aliasOwner.set(k, e);
    }
  }
  const recordSpeaker = (name: string): Entity | undefined => {
    let e = aliasOwner.get(foldString(name));
    const seen = new Set<string>();
    while (e?.speaksAs !== undefined && known.has(e.speaksAs) && !seen.has(e.id)) {
      seen.add(e.id);
      e = known.get(e.speaksAs);
    }
    return e !== undefined && e.type !== 'topic' && e.type !== 'event' ? e : undefined;
  };
  for (const f of files) {
    if (!f.info || !f.rows || f.text === undefined || f.rows.length === 0) continue;
    const id = fileId(f.file);
    // One candidate per person in a file: a surname alone is the full name met in the same file
    // (the only one ending in it), whichever comes first.
    const fullNames = new Map<string, string[]>();
    for (const r of f.rows) {
      if (r.speakerId !== null) continue;
      const words = r.speakerName.trim().split(/\s+/);
      if (words.length < 2) continue;
      const last = foldString(words.at(-1)!);
      const names = fullNames.get(last) ?? [];
      if (!names.some((n) => foldString(n) === foldString(r.speakerName))) names.push(r.speakerName);
      fullNames.set(last, names);
    }
    const personName = (name: string): string => {
      if (/\s/.test(name.trim())) return name;
      const full = fullNames.get(foldString(name));
      return full?.length === 1 ? full[0]! : name;
    };
    // No date found: said so ("unknown"), never a range passed off as a date; the reviewer sets it before accepting.
    const published = f.info.published
      ? { ...f.info.published, unknown: undefined }
      : { from: today, to: today, precision: 'day' as const, evidence: 'none', reasoning: `No date in the page metadata, no dateline and no full date in the text; read on ${today}.`, unknown: true as const };
    sources.push({
      id,
      title: f.info.title ?? basename(f.file),
      outlet: f.info.outlet,
      outletEvidence: f.info.outletEvidence,
      ...(f.info.url ? { url: f.info.url } : {}),
      text: f.text,
      language: f.info.language,
      published: {
        from: published.from,
        to: published.to,
        precision: published.precision,
        reasoning: `${published.reasoning ?? ''} (${published.evidence})`.trim(),
        ...(published.unknown ? { unknown: true as const } : {}),
      },
      framing: [],
    });
    f.rows.forEach((r, k) => {
      let actor = r.speakerId;
      const inRecord = actor === null ? recordSpeaker(r.speakerName) : undefined;
      if (inRecord !== undefined) {
        actor = inRecord.id;
        used.set(actor, inRecord);
      } else if (actor === null) {
        const name = personName(r.speakerName);
        const eid = `cand-${slug(name)}`;
        if (!created.has(eid) && !known.has(eid)) {
          created.set(eid, {
            id: eid,
            type: r.extra.speakerType === 'organization' ? 'organization' : 'person',
            label: name,
            description: `New speaker found by onrecord extract in ${f.file}`,
            aliases: name === r.speakerName ? [{ text: name }] : [{ text: name }, { text: r.speakerName, ambiguous: true }],
            context: [],
          });
        }
        actor = eid;
      } else if (known.has(actor)) used.set(actor, known.get(actor)!);
      const topics = r.topics.filter((t) => known.has(t));
      for (const t of topics) used.set(t, known.get(t)!);
      // A verbatim quote must lie in the passage: the longest piece.
      const quote = r.extra.quotes.filter((q) => f.text!.slice(r.extra.passageStart, r.extra.passageEnd).includes(q)).sort((a, b) => b.length - a.length)[0];
      const words = r.extra.content.replace(/\s+/g, ' ').trim();
      const stance = `${r.speakerName}: ${words}`.slice(0, MAX_STANCE);
      const date = r.date ?? published.from;
      positions.push({
        id: `${id}-${k + 1}`,
        status: 'candidate',
        evidence: [
          `speaker "${f.text!.slice(r.speakerStart, r.speakerEnd)}" (${r.extra.via})`,
          r.extra.cue ? `cue "${r.extra.cue}"` : 'no cue',
          r.extra.source ? `reported by ${r.extra.source}` : '',
          `date: ${r.extra.dateEvidence}`,
          `sieves: ${r.extra.sieves.join(', ')}`,
        ]
          .filter((x) => x !== '')
          .join('; '),
        actor,
        topics,
        stance,
        ...(quote ? { quote } : { paraphrase: words }),
        date: r.date
          ? { from: date, to: date, precision: 'day' }
          : published.unknown
            ? { from: published.from, to: published.to, precision: 'day', reasoning: 'unknown: no date found in the article; set it before accepting', unknown: true }
            : { from: published.from, to: published.to, precision: published.precision },
        source: id,
        passage: { start: r.extra.passageStart, end: r.extra.passageEnd },
        links: [],
      });
    });
  }
  // Places copied for their topics may speak as another entity ("speaksAs"): copy that one too.
  for (const e of [...used.values()]) {
    let target = e.speaksAs;
    while (target !== undefined && !used.has(target) && known.has(target)) {
      used.set(target, known.get(target)!);
      target = known.get(target)!.speaksAs;
    }
  }
  const corpus: Corpus = {
    formatVersion: FORMAT_VERSION,
    id: 'candidates',
    title: 'Candidate positions found by onrecord extract',
    description: 'Unreviewed: accept (set "status" to "accepted"), edit or reject each position, then run "onrecord corpus merge".',
    version: today,
    sides: record.sides ?? [],
    sources,
    entities: [...used.values(), ...created.values()],
    positions,
  };
  return { corpus, newEntities: created.size };
}
