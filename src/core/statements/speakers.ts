/**
 * Speaker candidates of a paragraph, in text order: names the matcher found,
 * role phrases resolved through the record (with the role's dates), places
 * speaking as a government, pronouns, and capitalised names the record does
 * not know (new candidate people and organizations).
 */
import type { EntityType } from '../corpus/schema.ts';
import type { Mention } from '../match/index.ts';
import type { LexiconIndex } from './lexicon-index.ts';
import type { RecordView } from './record-view.ts';
import type { QuoteSpan } from './quotes.ts';
import { normalizeWord, type Range, type Token } from './text.ts';
import type { SpeakerVia, TextSpan } from './types.ts';

export interface Candidate {
  start: number;
  end: number;
  entityId: string | null;
  name: string;
  type: EntityType;
  via: SpeakerVia;
  /** Pronoun gender, or the entity's. */
  gender?: 'male' | 'female' | 'plural';
  media: boolean;
  /** The sieve that made this candidate. */
  sieve: string;
  resolvedFrom?: TextSpan;
}

/** Words that name an organization when they appear in a capitalised name. */
const ORG_WORDS = new Set(
  (
    'ministry office agency council committee service government department army forces party command staff headquarters bureau union ' +
    'commission company bank embassy administration parliament court police guard navy ' +
    'министерство мид ведомство служба правительство совет комитет штаб посольство пресс-служба администрация офис минобороны генштаб партия ' +
    'міністерство мзс відомство служба уряд рада комітет штаб посольство пресслужба прес-служба адміністрація офіс міноборони генштаб партія ' +
    'ministerium amt regierung behörde rat ausschuss botschaft stab armee partei bundesregierung außenministerium'
  ).split(' '),
);

/** Capitalised words that never start a name: sentence openers, titles, days, months. */
const NOT_NAME = new Set(
  (
    'the a an he she it they we i this that these those his her its their our but and or if when while after before as in on at by for from to with of ' +
    'mr mrs ms dr president prime minister foreign defence defense spokesman spokeswoman spokesperson adviser advisor secretary general chief head deputy ' +
    'ambassador senator governor mayor commander colonel officer official officials kremlin monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december ukrainian russian german american british western european ' +
    'он она они оно мы я вы это этот эта в на по с и но а как что когда после до для его ее их президент министр глава пресс-секретарь представитель ' +
    'советник замминистра посол депутат спикер генерал понедельник вторник среда среду четверг пятница пятницу суббота субботу воскресенье ' +
    'він вона вони воно ми я ви це цей ця в у на по з і та але як що коли після до для його її їх президент міністр голова речник прес-секретар ' +
    'представник радник посол депутат генерал понеділок вівторок середа середу четвер пʼятниця пятниця субота суботу неділя неділю ' +
    'er sie es wir ich ihr der die das den dem des ein eine einer einem einen und aber wenn als nach vor für von mit in im am an auf bei zu zum zur ' +
    'präsident präsidenten minister ministerin sprecher sprecherin berater chef kanzler kanzlerin außenminister botschafter montag dienstag mittwoch ' +
    'donnerstag freitag samstag sonntag laut zufolge according russlands russische russischen ukrainische ukrainischen deutsche deutschen'
  ).split(' '),
);

const CAP_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;

function entityGender(view: RecordView, id: string): Candidate['gender'] {
  const e = view.entities.get(id);
  if (!e) return undefined;
  if (e.type !== 'person') return 'plural';
  return e.gender;
}

export interface CandidateInput {
  text: string;
  para: Range;
  tokens: readonly Token[];
  mentions: readonly Mention[];
  roleMentions: readonly Mention[];
  quotes: readonly QuoteSpan[];
  date?: string;
}

export function findCandidates(view: RecordView, lex: LexiconIndex, input: CandidateInput): Candidate[] {
  const { text, tokens } = input;
  const out: Candidate[] = [];
  const inQuote = (pos: number) => input.quotes.some((q) => pos >= q.inner.start && pos < q.inner.end);

  // Role phrases first: a name inside or right after a role phrase refines it ("Kremlin spokesman Dmitry Peskov").
  const roles: Candidate[] = [];
  for (const m of input.roleMentions) {
    const holder = view.roleHolder(m.aliasIndex, input.date);
    if (!holder) continue;
    const e = view.entities.get(holder.entityId);
    if (!e) continue;
    roles.push({
      start: m.start,
      end: m.end,
      entityId: e.id,
      name: e.label,
      type: e.type,
      via: 'role',
      gender: entityGender(view, e.id),
      media: false,
      sieve: holder.role.from || holder.role.to ? 'role-dated' : 'role',
      resolvedFrom: { start: m.start, end: m.end, text: text.slice(m.start, m.end) },
    });
  }

  const names: Candidate[] = [];
  for (const m of input.mentions) {
    const e = view.entities.get(m.entityId);
    if (!e) continue;
    // An organization named inside a role phrase ("Kremlin" in "Kremlin spokesman") is not a speaker.
    if (roles.some((r) => m.start >= r.start && m.end <= r.end && e.type !== 'person')) continue;
    if (view.isSpeakerType(e.id)) {
      const collective = e.type === 'collective' || (e.type === 'organization' && /metonymy|speaking as one/i.test(e.description ?? ''));
      names.push({
        start: m.start,
        end: m.end,
        entityId: e.id,
        name: e.label,
        type: e.type,
        via: collective ? 'collective' : 'name',
        gender: entityGender(view, e.id),
        media: view.isMedia(e.id),
        sieve: collective ? 'collective-name' : 'record-name',
      });
    } else if (e.speaksAs !== undefined && view.entities.has(e.speaksAs)) {
      const g = view.entities.get(e.speaksAs)!;
      names.push({
        start: m.start,
        end: m.end,
        entityId: g.id,
        name: g.label,
        type: g.type,
        via: 'collective',
        gender: 'plural',
        media: false,
        sieve: 'place-speaks-as',
        resolvedFrom: { start: m.start, end: m.end, text: text.slice(m.start, m.end) },
      });
    }
  }

  for (const r of roles) {
    // A person's name inside or right after the role phrase wins (the name is more specific); the role is dropped.
    const named = names.find((n) => n.via === 'name' && n.type === 'person' && n.start >= r.start && n.start <= r.end + 2);
    if (named) continue;
    // A name right before the role ("Peskov, the Kremlin spokesman") also wins.
    const before = names.find((n) => n.via === 'name' && n.end <= r.start && /^[\s,]*(?:the\s+|der\s+|des\s+)?$/iu.test(text.slice(n.end, r.start)));
    if (before) continue;
    out.push(r);
  }
  out.push(...names);

  // Pronouns and unknown capitalised names.
  const covered = (s: number, e: number) => out.some((c) => s < c.end && e > c.start);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered(t.start, t.end)) continue;
    const p = lex.pronouns.get(t.low);
    if (p) {
      // German "sie" is "they" as often as "she"; Sie (formal you) is capitalised mid-sentence.
      out.push({ start: t.start, end: t.end, entityId: null, name: text.slice(t.start, t.end), type: 'person', via: 'pronoun', gender: p.gender, media: false, sieve: 'pronoun' });
      continue;
    }
    // Outlets written in lower case or too ambiguous for the matcher ("dpa", "AP"): up to four words from the media list.
    let outlet = -1;
    for (let k = Math.min(tokens.length - 1, i + 3); k >= i; k--) {
      const low = tokens.slice(i, k + 1).map((w) => w.low).join(' ');
      if (lex.media.has(low) || view.mediaAliases.has(low)) {
        outlet = k;
        break;
      }
    }
    if (outlet >= 0 && !inQuote(t.start)) {
      const end = tokens[outlet]!.end;
      const low = tokens.slice(i, outlet + 1).map((w) => w.low).join(' ');
      const id = view.mediaAliases.get(low) ?? null;
      out.push({ start: t.start, end, entityId: id, name: id ? view.entities.get(id)!.label : text.slice(t.start, end), type: 'organization', via: id ? 'name' : 'candidate', media: true, sieve: 'media-list' });
      i = outlet;
      continue;
    }
    if (!t.cap || !CAP_WORD.test(text.slice(t.start, t.end)) || NOT_NAME.has(t.low) || lex.verbs.has(t.low)) continue;
    if (inQuote(t.start)) continue;
    // A run of capitalised words (with hyphens), the name as written.
    let j = i;
    while (
      j + 1 < tokens.length &&
      tokens[j + 1]!.cap &&
      /^\s+$/u.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start)) &&
      !covered(tokens[j + 1]!.start, tokens[j + 1]!.end) &&
      !lex.verbs.has(tokens[j + 1]!.low)
    )
      j++;
    const first = t;
    const last = tokens[j]!;
    const words = tokens.slice(i, j + 1);
    i = j;
    const name = text.slice(first.start, last.end);
    const low = words.map((w) => w.low).join(' ');
    const media = lex.media.has(low) || lex.media.has(normalizeWord(name));
    const org = words.some((w) => ORG_WORDS.has(w.low)) || /^[\p{Lu}]{2,}$/u.test(name);
    out.push({
      start: first.start,
      end: last.end,
      entityId: null,
      name,
      type: org || media ? 'organization' : 'person',
      via: 'candidate',
      media,
      sieve: media ? 'media-name' : words.length > 1 ? 'capitalised-name' : 'capitalised-word',
    });
  }
  // Lower-case organizations ("МИД России" is caught by the matcher; "the foreign ministry" is left alone).
  out.sort((a, b) => a.start - b.start);
  return out;
}
