import { describe, expect, it } from 'vitest';
import { colorAlpha } from './visibility.ts';

describe('colorAlpha', () => {
  it('reads the alpha of computed colours, and never takes blue for alpha', () => {
    expect(colorAlpha('rgb(0, 0, 0)')).toBe(1);
    expect(colorAlpha('rgb(10, 20, 0)')).toBe(1);
    expect(colorAlpha('rgba(0, 0, 0, 0)')).toBe(0);
    expect(colorAlpha('rgba(0, 0, 0, 0.5)')).toBe(0.5);
    expect(colorAlpha('rgb(0 0 0 / 0)')).toBe(0);
    expect(colorAlpha('rgb(0 0 0 / 40%)')).toBe(0.4);
    expect(colorAlpha('transparent')).toBe(0);
    expect(colorAlpha('color(srgb 0 0 0)')).toBe(1);
  });
});
