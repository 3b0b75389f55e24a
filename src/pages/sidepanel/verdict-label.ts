/** Moved to ui/verdict-label.ts (the claim mark's card on the page uses it too). */
export { verdictLabel } from '../../ui/verdict-label.ts';
