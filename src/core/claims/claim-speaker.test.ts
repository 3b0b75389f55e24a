import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusShape, type Entity } from '../corpus/schema.ts';
import { compileMatcher } from '../match/index.ts';
import { createStatementFinder } from '../statements/index.ts';
import { relayedSpeaker, type ClaimSpeaker } from './claim-speaker.ts';

/** A small record of its own: names that open with "that", "dass", "що", "будто" are the point. */
const entities: Entity[] = [
  { id: 'reporter-a', type: 'person', label: 'Anna Berg', context: [], aliases: [{ text: 'Anna Berg' }, { text: 'Анна Берг' }, { text: 'Berg' }] },
  { id: 'thatcher', type: 'person', label: 'Margaret Thatcher', context: [], aliases: [{ text: 'Thatcher' }] },
  { id: 'dassault', type: 'organization', label: 'Dassault', context: [], aliases: [{ text: 'Dassault' }] },
  { id: 'shchodenko', type: 'person', label: 'Ivan Shchodenko', context: [], aliases: [{ text: 'Щоденко' }] },
  { id: 'budtov', type: 'person', label: 'Oleg Budtov', context: [], aliases: [{ text: 'Будтов' }] },
];
const byId = new Map(entities.map((e) => [e.id, e]));
const matcher = compileMatcher(entities);
const ACTORS = new Set(['person', 'organization', 'collective']);

/** The outer speaker said everything after `cue`. */
function outer(text: string, cue: string): ClaimSpeaker {
  const contentStart = text.indexOf(cue) + cue.length;
  const contentEnd = text.replace(/[.]$/u, '').length;
  return { speakerId: 'reporter-a', speakerText: 'Berg', speakerStart: 0, speakerEnd: 4, cue: 'say', sourceId: null, content: text.slice(contentStart, contentEnd), contentStart, contentEnd };
}

function relay(text: string, cue: string, lang: string) {
  return relayedSpeaker(text, outer(text, cue), matcher.scan(text), byId, ACTORS, lang);
}

describe('relayed speech: a complementizer is a whole word', () => {
  it('reads a name that opens with "that" as the relayed speaker (en)', () => {
    const text = 'Anna Berg said Thatcher had told the cabinet to hold firm.';
    const r = relay(text, ' said ', 'en');
    expect(r?.speakerId).toBe('thatcher');
    expect(r?.content).toBe('the cabinet to hold firm');
    expect(r?.sourceId).toBe('reporter-a');
  });

  it('still skips a real "that" before the relayed speaker and before the words (en)', () => {
    const r = relay('Anna Berg said that Thatcher had told them that talks were pointless.', ' said ', 'en');
    expect(r?.speakerId).toBe('thatcher');
    expect(r?.content).toBe('them that talks were pointless');
  });

  it('reads "Dassault" as the relayed speaker, not "dass" + "ault" (de)', () => {
    const r = relay('Anna Berg sagte, Dassault habe der Regierung geraten, den Vertrag zu unterschreiben.', ' sagte,', 'de');
    expect(r?.speakerId).toBe('dassault');
    expect(r?.content).toBe('den Vertrag zu unterschreiben');
  });

  it('still skips a real "dass" (de)', () => {
    const r = relay('Anna Berg sagte, dass Dassault der Regierung geraten habe, dass sie verhandeln solle.', ' sagte,', 'de');
    expect(r).toBeNull();
    const riet = relay('Anna Berg sagte, dass Dassault riet, dass die Regierung verhandeln solle.', ' sagte,', 'de');
    expect(riet?.speakerId).toBe('dassault');
    expect(riet?.content).toBe('die Regierung verhandeln solle');
  });

  it('reads "Щоденко" as the relayed speaker, not "що" + "денко" (uk)', () => {
    const r = relay('Анна Берг заявила, Щоденко радив делегації нічого не підписувати.', ' заявила,', 'uk');
    expect(r?.speakerId).toBe('shchodenko');
    expect(r?.content).toBe('делегації нічого не підписувати');
    const that = relay('Анна Берг заявила, що Щоденко радив, що треба воювати далі.', ' заявила,', 'uk');
    expect(that?.speakerId).toBe('shchodenko');
    expect(that?.content).toBe('треба воювати далі');
  });

  it('reads "Будтов" as the relayed speaker, not "будто" + "в" (ru)', () => {
    const r = relay('Анна Берг сказала, Будтов советовал делегации ничего не подписывать.', ' сказала,', 'ru');
    expect(r?.speakerId).toBe('budtov');
    expect(r?.content).toBe('делегации ничего не подписывать');
    const that = relay('Анна Берг сказала, что Будтов советовал, что надо продолжать войну.', ' сказала,', 'ru');
    expect(that?.speakerId).toBe('budtov');
    expect(that?.content).toBe('надо продолжать войну');
  });
});

describe('the statement finder: a name after "that" opens the reported clause', () => {
  const seed = parseCorpusShape(JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8')));
  const finder = createStatementFinder({ entities: seed.entities, matcher: compileMatcher(seed.entities) });

  it('"…, Peskov said, adding that Putin sees …" is not Putin speaking', () => {
    const found = finder.find('Moscow would rather use diplomacy, Peskov said, adding that Putin sees no alternative to talks.');
    expect(found.map((s) => s.speaker.entityId)).not.toContain('vladimir-putin');
    expect(found.some((s) => s.speaker.entityId === 'dmitry-peskov' && s.content.text === 'Putin sees no alternative to talks')).toBe(true);
  });

  it('an inverted speaker with no "that" between is still found ("…," said Peskov)', () => {
    const found = finder.find('“We remain open to negotiations,” said Peskov.');
    expect(found.map((s) => s.speaker.entityId)).toEqual(['dmitry-peskov']);
  });
});
