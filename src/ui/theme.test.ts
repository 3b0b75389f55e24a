import { describe, expect, it } from 'vitest';
import { SURFACE, TYPE_COLORS } from './theme.ts';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('TYPE_COLORS', () => {
  it.each(Object.entries(TYPE_COLORS))('%s keeps 4.5:1 contrast on light and dark surfaces', (_type, c) => {
    expect(contrast(c.light, SURFACE.light)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.dark, SURFACE.dark)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every type its own colour', () => {
    const all = Object.values(TYPE_COLORS);
    expect(new Set(all.map((c) => c.light)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.dark)).size).toBe(all.length);
  });
});
