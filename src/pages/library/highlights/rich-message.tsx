/**
 * A translated sentence with markup inside (a <strong> button name, a <kbd>
 * shortcut) wherever its language puts it: the parts go through t() as
 * private-use characters, which no message contains, and come back out as
 * the parts themselves.
 */
import type { ComponentChild } from 'preact';
import { t, type MessageKey } from '../../../core/i18n.ts';

/** U+E000…U+E008 stand for $1…$9. */
const FIRST_MARK = 0xe000;
const MARKS = /([\uE000-\uE008])/u;

export function richMessage(key: MessageKey, parts: readonly ComponentChild[]): ComponentChild[] {
  const text = t(key, parts.map((_, i) => String.fromCharCode(FIRST_MARK + i)));
  return text
    .split(MARKS)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const i = piece.charCodeAt(0) - FIRST_MARK;
      return piece.length === 1 && i >= 0 && i < parts.length ? parts[i] : piece;
    });
}
