import { describe, expect, it } from 'vitest';
import { anchorSelectors, MIN_FUZZY_SCORE } from './anchor.ts';
import { describeSpan } from './describe.ts';

const PAGE = [
  'Talks in Geneva',
  'The minister said the talks would resume next week, after a pause of three months.',
  'Critics said the minister had promised the same thing in March.',
  'A spokesman declined to comment on the timetable for the negotiations.',
].join('\n');

function selectorsFor(text: string, quote: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  return describeSpan(text, at, at + quote.length);
}

describe('describeSpan', () => {
  it('keeps the exact text, 32 characters of context and the offsets', () => {
    const s = selectorsFor(PAGE, 'the talks would resume');
    expect(s.quote.exact).toBe('the talks would resume');
    expect(s.quote.prefix).toBe(PAGE.slice(s.position.start - 32, s.position.start));
    expect(s.quote.suffix).toBe(PAGE.slice(s.position.end, s.position.end + 32));
  });

  it('refuses an empty or out-of-range span', () => {
    expect(() => describeSpan('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeSpan('abc', 0, 4)).toThrow(RangeError);
  });
});

describe('anchorSelectors', () => {
  it('uses the saved position on an unchanged page', () => {
    const s = selectorsFor(PAGE, 'the talks would resume');
    expect(anchorSelectors(PAGE, s)).toMatchObject({ ...s.position, method: 'position', score: 1 });
  });

  it('finds the quote by its text when content was inserted above it', () => {
    const s = selectorsFor(PAGE, 'the talks would resume');
    const edited = `Breaking: an update was added at the top.\n${PAGE}`;
    const a = anchorSelectors(edited, s)!;
    expect(a.method).toBe('quote');
    expect(edited.slice(a.start, a.end)).toBe('the talks would resume');
  });

  it('chooses between repeats of a phrase by their context', () => {
    // "minister" occurs twice; the second one was saved.
    const s = selectorsFor(PAGE, 'minister', 1);
    const edited = `Intro.\n${PAGE}`;
    const a = anchorSelectors(edited, s)!;
    expect(a.method).toBe('quote');
    expect(edited.slice(a.start - 17, a.end)).toBe('Critics said the minister');
  });

  it('tolerates an edit inside the quote', () => {
    const s = selectorsFor(PAGE, 'The minister said the talks would resume next week');
    const edited = PAGE.replace('would resume next week', 'will resume next week');
    const a = anchorSelectors(edited, s)!;
    expect(a.method).toBe('fuzzy');
    expect(edited.slice(a.start, a.end)).toBe('The minister said the talks will resume next week');
    expect(a.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
  });

  it('tolerates an edit in the context together with a moved quote', () => {
    const s = selectorsFor(PAGE, 'declined to comment on the timetable');
    const edited = PAGE.replace('A spokesman', 'Late on Friday, a government spokeswoman').replace('declined to comment', 'declined to commnt');
    const a = anchorSelectors(edited, s)!;
    expect(edited.slice(a.start, a.end)).toBe('declined to commnt on the timetable');
  });

  it('returns null (an orphan) when the paragraph was removed', () => {
    const s = selectorsFor(PAGE, 'Critics said the minister had promised the same thing in March.');
    const edited = PAGE.replace('Critics said the minister had promised the same thing in March.\n', '');
    expect(anchorSelectors(edited, s)).toBeNull();
  });

  it('does not place a quote in text that only shares a few words with it', () => {
    const s = selectorsFor(PAGE, 'A spokesman declined to comment');
    expect(anchorSelectors('Nobody said anything at all about the weather today.', s)).toBeNull();
  });

  it('anchors a quote longer than the fuzzy limit by its head and tail', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence number ${i} of a long statement.`).join(' ');
    const text = `Header\n${long}\nFooter`;
    const s = describeSpan(text, 7, 7 + long.length);
    const edited = `New header line\n${long.replace('number 30 of', 'number thirty of')}\nFooter`;
    const a = anchorSelectors(edited, s)!;
    expect(a).not.toBeNull();
    expect(a.method).toBe('fuzzy');
    expect(edited.slice(a.start, a.start + 20)).toBe(long.slice(0, 20));
    expect(edited.slice(a.end - 20, a.end)).toBe(long.slice(-20));
  });

  it('leaves a templated sentence about something else alone', () => {
    const review = [
      'The ending, tender and strange at once, is intoxicating.',
      'The Square is currently streaming on Hulu and available to rent on Google Play.',
      'Between the political and the personal, it is devastating.',
      'BPM (Beats Per Minute) is currently streaming on Hulu and available to rent on Google Play.',
    ].join('\n');
    const s = selectorsFor(review, 'The Square is currently streaming on Hulu and available to rent on Google Play.');
    const edited = review.replace('The Square is currently streaming on Hulu and available to rent on Google Play.\n', '');
    expect(anchorSelectors(edited, s)).toBeNull();
  });

  it('prefers the passage edited in place over an untouched copy in another context', () => {
    const text = `Pull quote: the talks would resume next week.\n${PAGE}`;
    const s = selectorsFor(text, 'the talks would resume next week', 1);
    const edited = text.replace('The minister said the talks would resume next week', 'The minister said the talks will resume next week');
    const a = anchorSelectors(edited, s)!;
    expect(a.method).toBe('fuzzy');
    expect(edited.slice(a.start - 18, a.end)).toBe('The minister said the talks will resume next week');
  });
});
