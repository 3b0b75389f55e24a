/** Resolves a position's ids (actor, side, source, topics, links) into labels for display. */
import type { Position } from '../corpus/schema.ts';
import type { CorpusIndex } from './corpus-index.ts';
import type { ActorRef, LinkView, PositionView, SourceRef } from './types.ts';

function actorRef(index: CorpusIndex, id: string): ActorRef {
  const e = index.entities.get(id);
  if (!e) return { id, label: id, type: 'person' };
  const side = e.side ? index.sides.get(e.side) : undefined;
  const ref: ActorRef = { id, label: e.label, type: e.type };
  if (side) ref.side = { id: side.id, label: side.label };
  return ref;
}

function sourceRef(index: CorpusIndex, id: string): SourceRef {
  const s = index.sources.get(id);
  if (!s) return { id, title: id, outlet: 'unknown' };
  const ref: SourceRef = { id, title: s.title, outlet: s.outlet };
  if (s.file) ref.file = s.file;
  if (s.url) ref.url = s.url;
  return ref;
}

function linkTarget(index: CorpusIndex, p: Position): LinkView['target'] {
  return { id: p.id, actorId: p.actor, actorLabel: index.entities.get(p.actor)?.label ?? p.actor, stance: p.stance, date: p.date };
}

/**
 * The source's misspellings the record knows: aliases whose note says "typo" (Zenesky, Benett), and the spelling
 * quoted in such a note ('typo "RUssia"'). Exact case, so "RUssia" is told from "Russia".
 */
const typosCache = new WeakMap<CorpusIndex, string[]>();
function typos(index: CorpusIndex): string[] {
  let list = typosCache.get(index);
  if (list === undefined) {
    const found = new Set<string>();
    for (const e of index.entities.values()) {
      for (const a of e.aliases) {
        const note = a.note ?? '';
        if (!/\btypo\b/iu.test(note)) continue;
        const quoted = /typo[^"]*"([^"]+)"/iu.exec(note)?.[1];
        if (/^typo\b/iu.test(note)) found.add(a.text);
        if (quoted !== undefined && !quoted.includes(' ')) found.add(quoted);
      }
    }
    typosCache.set(index, (list = [...found]));
  }
  return list;
}

/** The known typos that the wording contains as whole words. */
function sicIn(index: CorpusIndex, wording: string): string[] {
  return typos(index).filter((w) => new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}($|[^\\p{L}])`, 'u').test(wording));
}

function linkViews(index: CorpusIndex, p: Position): LinkView[] {
  const out: LinkView[] = [];
  for (const link of p.links) {
    const target = index.positions.get(link.target);
    if (!target) continue;
    const view: LinkView = { type: link.type, direction: 'outgoing', target: linkTarget(index, target) };
    if (link.note) view.note = link.note;
    out.push(view);
  }
  for (const { from, link } of index.incoming.get(p.id) ?? []) {
    const view: LinkView = { type: link.type, direction: 'incoming', target: linkTarget(index, from) };
    if (link.note) view.note = link.note;
    out.push(view);
  }
  return out;
}

export function toPositionView(index: CorpusIndex, p: Position): PositionView {
  const view: PositionView = {
    id: p.id,
    stance: p.stance,
    date: p.date,
    passage: p.passage,
    actor: actorRef(index, p.actor),
    source: sourceRef(index, p.source),
    topics: p.topics.map((t) => ({ id: t, label: index.entities.get(t)?.label ?? t })),
    links: linkViews(index, p),
  };
  if (p.quote !== undefined) view.quote = p.quote;
  if (p.paraphrase !== undefined) view.paraphrase = p.paraphrase;
  if (p.medium) view.medium = p.medium;
  const sic = sicIn(index, `${p.quote ?? ''} ${p.paraphrase ?? ''}`);
  if (sic.length > 0) view.sic = sic;
  if (p.reportedBy) view.reportedBy = { id: p.reportedBy, label: index.entities.get(p.reportedBy)?.label ?? p.reportedBy };
  return view;
}
