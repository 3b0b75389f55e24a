/**
 * Polarity and modality of a statement's content: negation words, conditions
 * ("only if", "лишь после", "тільки після", "erst wenn") and readiness versus
 * refusal. Readiness under a negation is refusal ("not ready", "не готов",
 * "nicht bereit").
 */
import { lexiconIndex, phraseAt } from './lexicon-index.ts';
import { tokenize, type Range } from './text.ts';
import type { Condition, Modality, TextSpan } from './types.ts';

/** Words between a negation and the readiness word it turns into refusal ("not yet ready", "ещё не готов"). */
const NEGATION_REACH = 3;

export function modalityOf(text: string, content: Range): Modality {
  const lex = lexiconIndex();
  const tokens = tokenize(text, content.start, content.end);
  const negations: TextSpan[] = [];
  const conditions: Condition[] = [];
  let ready = false;
  let refuses = false;
  let lastNegation = -Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const negated = lex.negation.has(t.low) || /n't$/u.test(t.low);
    // "not only" is no negation.
    if (negated && !(tokens[i + 1]?.low === 'only' || (tokens[i + 1]?.low === 'только' && t.low === 'не') || (tokens[i + 1]?.low === 'тільки' && t.low === 'не') || (tokens[i + 1]?.low === 'nur' && t.low === 'nicht'))) {
      negations.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end) });
      lastNegation = i;
    }
    const p = phraseAt(lex, tokens, i, ['condition', 'readiness', 'refusal']);
    if (!p) continue;
    const last = tokens[i + p.words.length - 1]!;
    if (p.kind === 'condition') {
      // The condition runs to the next comma or the end of the content.
      const rest = text.slice(last.end, content.end);
      const stop = rest.search(/[,;.!?]/u);
      const end = stop < 0 ? content.end : last.end + stop;
      conditions.push({ start: t.start, end, text: text.slice(t.start, end), marker: text.slice(t.start, last.end) });
    } else if (p.kind === 'readiness') {
      if (i - lastNegation <= NEGATION_REACH) refuses = true;
      else ready = true;
    } else refuses = true;
    i += p.words.length - 1;
  }
  return { negations, conditions, stance: refuses ? 'refuses' : ready ? 'ready' : null };
}
