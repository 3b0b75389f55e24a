import { describe, expect, it } from 'vitest';
import { colorAlpha, readsAsWritten } from './visibility.ts';

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

  it('reads an alpha given to rgb() itself, which the opaque shortcut must not take for three channels', () => {
    expect(colorAlpha('rgb(0, 0, 0, 0)')).toBe(0);
    expect(colorAlpha('rgb(0, 0, 0, 0.25)')).toBe(0.25);
    expect(colorAlpha('rgb(0 0 0)')).toBe(1);
  });
});

/** An element whose computed style is `style` (property names as getPropertyValue takes them). */
function styled(style: Record<string, string>): Element {
  const read = (name: string) => style[name] ?? '';
  const computed = {
    getPropertyValue: read,
    color: read('color'),
    fontSize: read('font-size') || '16px',
    unicodeBidi: read('unicode-bidi') || 'normal',
    direction: read('direction') || 'ltr',
  };
  return { ownerDocument: { defaultView: { getComputedStyle: () => computed } } } as unknown as Element;
}

describe('readsAsWritten', () => {
  it('takes text in an opaque colour as seen', () => {
    expect(readsAsWritten(styled({ color: 'rgb(20, 20, 20)', '-webkit-text-fill-color': 'rgb(20, 20, 20)' }))).toBe(true);
  });

  it('refuses text drawn transparent, by its colour or by its fill', () => {
    expect(readsAsWritten(styled({ color: 'rgba(0, 0, 0, 0)' }))).toBe(false);
    expect(readsAsWritten(styled({ color: 'rgb(0, 0, 0)', '-webkit-text-fill-color': 'rgba(0, 0, 0, 0)' }))).toBe(false);
  });

  it('still sees transparent text clipped to its background (a gradient headline), under either name of the clip', () => {
    expect(readsAsWritten(styled({ '-webkit-text-fill-color': 'transparent', 'background-clip': 'text' }))).toBe(true);
    expect(readsAsWritten(styled({ '-webkit-text-fill-color': 'transparent', '-webkit-background-clip': 'text' }))).toBe(true);
  });

  it('refuses text of no size, and text a bidi override turns right to left', () => {
    expect(readsAsWritten(styled({ color: 'rgb(0, 0, 0)', 'font-size': '0px' }))).toBe(false);
    expect(readsAsWritten(styled({ color: 'rgb(0, 0, 0)', 'unicode-bidi': 'bidi-override', direction: 'rtl' }))).toBe(false);
    expect(readsAsWritten(styled({ color: 'rgb(0, 0, 0)', 'unicode-bidi': 'isolate-override', direction: 'rtl' }))).toBe(false);
    expect(readsAsWritten(styled({ color: 'rgb(0, 0, 0)', 'unicode-bidi': 'bidi-override', direction: 'ltr' }))).toBe(true);
  });
});
