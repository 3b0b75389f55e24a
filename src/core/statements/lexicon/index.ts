/** All statement-finder lexicons, by language. */
import { de } from './de.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import type { Lexicon } from './types.ts';
import { uk } from './uk.ts';

export type { CueVerb, Lexicon } from './types.ts';
export const LEXICONS: Readonly<Record<Lexicon['lang'], Lexicon>> = { en, ru, uk, de };
