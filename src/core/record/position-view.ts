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
  if (p.reportedBy) view.reportedBy = { id: p.reportedBy, label: index.entities.get(p.reportedBy)?.label ?? p.reportedBy };
  return view;
}
