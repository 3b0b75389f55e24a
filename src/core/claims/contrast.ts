/**
 * Contrasts: "press Moscow, not Kyiv", "not with Ukraine but with the West", "не с Украиной, а с Западом", "nicht
 * Kiew, sondern Moskau", "Moscow rather than Kyiv". Which of two things a text affirms and which it sets aside is
 * structure, not words: both are named, with the same concepts and signs, whichever way round. A claim that sets aside
 * what the record affirms (and does not affirm what the record does) says the opposite.
 */

/** A feature key of a text ("p:kyiv", "e:nato", "c:collective-west") and where it was found. */
export interface KeySpan {
  key: string;
  start: number;
  end: number;
}

export interface Contrast {
  affirmed: string[];
  denied: string[];
}

/**
 * Per language: `setAside` opens the part set aside after the affirmed one ("A, not B", "A rather than B", "A, а не B",
 * "A statt B"; session 9 also without the comma: "in Kyiv and not in Washington", "in Kiew und nicht in Washington",
 * but not "and not only"); `notBut` is the two-part "not B but A" ("не B, а A", "nicht B, sondern A"), its groups the marker of
 * the affirmed part.
 */
const PATTERNS: Readonly<Record<string, { setAside: RegExp; notBut: RegExp }>> = {
  en: { setAside: /(?:,\s*(?:and\s+)?(?:(?:certainly|definitely|absolutely|surely)\s+)?not|\s+and\s+(?:(?:certainly|definitely|absolutely|surely)\s+)?not(?!\s+only\b)|(?:,\s*|\s+)(?:and\s+)?(?:by\s+no\s+means|in\s+no\s+way|not\s+at\s+all)|\brather than|\binstead of)\s+/giu, notBut: /\bnot\s+(?:only\s+)?(?=[^,.;:!?]{1,60}?,?[’'"”»]?\s*but\s)/giu },
  ru: { setAside: /,\s*а\s+(?:(?:вовсе|отнюдь|никак|совсем|уж\s+точно)\s+)?не\s+|,?\s+и\s+(?:вовсе|отнюдь|никак|совсем|уж\s+точно)\s+не\s+|,\s*а\s+не\s+|(?<!\p{L})вместо\s+/giu, notBut: /(?<!\p{L})не\s+(?=[^,.;:!?]{1,60}?,\s*а\s)/giu },
  uk: { setAside: /,\s*а\s+(?:(?:зовсім|аж\s+ніяк|ніяк|вже\s+точно|геть)\s+)?не\s+|,?\s+(?:і|й|та)\s+(?:зовсім|аж\s+ніяк|ніяк|вже\s+точно|геть)\s+не\s+|,\s*а\s+не\s+|(?<!\p{L})замість\s+/giu, notBut: /(?<!\p{L})не\s+(?=[^,.;:!?]{1,60}?,\s*а\s)/giu },
  de: { setAside: /(?:,\s*(?:und\s+)?|\s+und\s+)(?:(?:durchaus|ganz\s+und\s+gar|gewiss|sicher)\s+)?nicht(?:\s+aber)?\s+(?!nur\s)|(?:,\s*(?:und\s+)?|\s+und\s+)(?:keineswegs|keinesfalls|mitnichten|auf\s+keinen\s+Fall)(?:\s+aber)?\s+|(?<!\p{L})(?:statt|anstatt)\s+/giu, notBut: /(?<!\p{L})nicht\s+(?=[^,.;:!?]{1,60}?,?\s*sondern\s)/giu },
};
const BUT: Readonly<Record<string, RegExp>> = { en: /,?[’'"”»]?\s*but\s+/iu, ru: /,\s*а\s+/iu, uk: /,\s*а\s+/iu, de: /,?\s*sondern\s+/iu };
const PART_END = /[,.;:!?()«»“”"„]/u;
/** How far before "…, not" the affirmed part may start. */
const AFFIRMED_REACH = 60;

/** A key named on both sides ("kämpfe nicht gegen …, sondern gegen …") is no part of the contrast. */
function contrast(affirmed: string[], denied: string[]): Contrast {
  return { affirmed: affirmed.filter((k) => !denied.includes(k)), denied: denied.filter((k) => !affirmed.includes(k)) };
}

function keysIn(spans: readonly KeySpan[], from: number, to: number): string[] {
  return [...new Set(spans.filter((s) => s.start >= from && s.end <= to).map((s) => s.key))];
}

export function contrastsOf(text: string, lang: string, spans: readonly KeySpan[]): Contrast[] {
  const p = PATTERNS[lang];
  if (!p || spans.length === 0) return [];
  const out: Contrast[] = [];
  const partEnd = (from: number) => {
    const stop = text.slice(from).search(PART_END);
    return stop < 0 ? text.length : from + stop;
  };
  for (const m of text.matchAll(p.notBut)) {
    const from = m.index + m[0].length;
    const but = BUT[lang]!.exec(text.slice(from));
    if (!but) continue;
    const deniedEnd = from + but.index;
    const affirmedStart = deniedEnd + but[0].length;
    const c = contrast(keysIn(spans, affirmedStart, partEnd(affirmedStart)), keysIn(spans, from, deniedEnd));
    if (c.denied.length > 0 && c.affirmed.length > 0) out.push(c);
  }
  for (const m of text.matchAll(p.setAside)) {
    const from = m.index + m[0].length;
    // The affirmed part: the last thing named before the marker, in its clause.
    // "A, rather than B, …": the comma before the marker closes the affirmed part, it does not open it.
    const end = m.index - (/[\s,]*$/u.exec(text.slice(0, m.index))?.[0].length ?? 0);
    let start = end;
    while (start > 0 && end - start < AFFIRMED_REACH && !PART_END.test(text[start - 1]!)) start--;
    const before = spans.filter((s) => s.start >= start && s.end <= end);
    const last = before.length > 0 ? Math.max(...before.map((s) => s.start)) : -1;
    const c = contrast([...new Set(before.filter((s) => s.start === last).map((s) => s.key))], keysIn(spans, from, partEnd(from)));
    if (c.denied.length > 0 && c.affirmed.length > 0) out.push(c);
  }
  return out;
}

/**
 * Whether a text (the position) affirms what the claim's contrast sets aside, without affirming what the claim
 * affirms: the key it names plainly (not set aside in a contrast of its own). Returns the key, or null.
 */
export function reversedContrast(claim: readonly Contrast[], record: { weights: ReadonlyMap<string, number>; contrasts: readonly Contrast[]; tagged?: ReadonlySet<string> }): string | null {
  const setAside = new Set(record.contrasts.flatMap((c) => c.denied));
  // What the record names in its words; a topic tag ("peace talks" on a position about the battlefield) is not said.
  const affirms = (key: string) => record.weights.has(key) && !setAside.has(key) && !record.tagged?.has(key);
  for (const c of claim) {
    if (c.affirmed.some(affirms)) continue;
    const b = c.denied.find(affirms);
    if (b !== undefined) return b;
  }
  return null;
}
