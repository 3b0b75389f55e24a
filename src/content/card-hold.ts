/**
 * Audit 10 A22: the popover's "Add to my record" changes the record, and a changed record restarts the page's
 * session (site-control.ts), which closes the card the reader is looking at, "Added · Undo" and focus with it.
 * While a card that wrote to the record is open, the restart waits for it to close. One hold per frame, shared
 * by the content scripts (world-state.ts); nothing of it reaches the page.
 */
import { worldState } from './world-state.ts';

const state = worldState('card-hold', () => ({ held: false, waiting: [] as Array<() => void> }));

/** The open card wrote to the record: a record refresh waits until releaseCard(). */
export function holdCard(): void {
  state.held = true;
}

/** The card closed (or never wrote): a refresh that waited goes ahead. */
export function releaseCard(): void {
  if (!state.held) return;
  state.held = false;
  const waiting = state.waiting.splice(0);
  for (const go of waiting) go();
}

/** Resolves at once when no card holds the record, else when it is released. */
export function cardReleased(): Promise<void> {
  if (!state.held) return Promise.resolve();
  return new Promise((resolve) => state.waiting.push(resolve));
}
