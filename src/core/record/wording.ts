/** Comparing a position's wordings (issue 13: the card does not say the same thing twice). */

/** Words compared by their first letters, so "negotiate" meets "negotiations" and "withdraw" "withdrawal". */
const STEM_UNITS = 5;
/**
 * The share of the stance's words that must be in the paraphrase for the stance to add nothing. Measured on the
 * seed's 42 paraphrased positions: at 0.6 the stance is kept only where it names what the paraphrase leaves out
 * ("Moscow rejected the idea" / "…Zelensky's peace plan", "there wasn't substantial progress" / "…the Antalya talks").
 */
export const SAME_WORDING_SHARE = 0.6;
/** Words a stance adds when it reports speech ("Peskov said that …"), and function words: no content of their own. */
const REPORTING = new Set(
  'said says say told stated added claimed that the and was were are has have had been with for its from into about over than this these those which who will would can could'.split(' '),
);

const stems = (s: string, drop: ReadonlySet<string>): Set<string> =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !REPORTING.has(w) && !drop.has(w))
      .map((w) => w.slice(0, STEM_UNITS)),
  );

/**
 * Whether a stance only repeats its paraphrase (issue 13: then the card shows the paraphrase alone): at least
 * SAME_WORDING_SHARE of the stance's words, by stem, are in the paraphrase. The speaker's own name (`actor`) and
 * reporting words ("said that") do not count: "Peskov said Russia is willing to negotiate" says what "…confirmed
 * on state television, like Lavrov, that he was willing to negotiate" says.
 */
export function sayTheSame(paraphrase: string, stance: string, actor = ''): boolean {
  const names = new Set(actor.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const said = stems(stance, names);
  if (said.size === 0) return false;
  const p = stems(paraphrase, names);
  let shared = 0;
  for (const w of said) if (p.has(w)) shared++;
  return shared / said.size >= SAME_WORDING_SHARE;
}
