/** Comparing a position's wordings (issue 13: the card does not say the same thing twice). */
const words = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);

/**
 * Whether a paraphrase and a stance say the same (issue 13: shown once): most of their words shared, so the
 * stance would only repeat the paraphrase.
 */
export function sayTheSame(a: string, b: string): boolean {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return false;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.min(x.size, y.size) >= 0.8;
}
