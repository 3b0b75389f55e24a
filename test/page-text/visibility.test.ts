import { describe, expect, it } from 'vitest';
import { isTextRendered } from '../../src/page-text/index.ts';
import { parseDocument } from './parse.ts';

describe('isTextRendered', () => {
  it('asks the parent element when the browser offers checkVisibility', () => {
    const doc = parseDocument('<p id="shown">Kyiv</p><p id="gone">Moscow</p>');
    const asked: Array<CheckVisibilityOptions | undefined> = [];
    for (const id of ['shown', 'gone']) {
      const element = doc.getElementById(id) as Element;
      Object.defineProperty(element, 'checkVisibility', {
        value: (options?: CheckVisibilityOptions) => {
          asked.push(options);
          return id === 'shown';
        },
      });
    }
    expect(isTextRendered(doc.getElementById('shown')?.firstChild as Text)).toBe(true);
    expect(isTextRendered(doc.getElementById('gone')?.firstChild as Text)).toBe(false);
    expect(asked).toEqual([{ visibilityProperty: true }, { visibilityProperty: true }]);
  });

  it('looks through elements laid out as their children only (display: contents) to the nearest box', () => {
    const doc = parseDocument(
      '<div id="box"><section id="wrap" style="display: contents">Kyiv<span id="hid" style="display: contents">Moscow</span></section></div>' +
        '<div id="gone"><section id="wrap2" style="display: contents">Minsk</section></div>',
    );
    const el = (id: string) => doc.getElementById(id) as Element;
    const styles: Record<string, { display: string; visibility: string }> = {
      box: { display: 'block', visibility: 'visible' },
      wrap: { display: 'contents', visibility: 'visible' },
      hid: { display: 'contents', visibility: 'hidden' },
      gone: { display: 'block', visibility: 'visible' },
      wrap2: { display: 'contents', visibility: 'visible' },
    };
    Object.defineProperty(doc.defaultView, 'getComputedStyle', { value: (e: Element) => styles[e.id] });
    // No box of their own: checkVisibility says no; the ancestors with a box decide (#gone is display: none).
    for (const id of ['wrap', 'hid', 'wrap2']) Object.defineProperty(el(id), 'checkVisibility', { value: () => false });
    Object.defineProperty(el('box'), 'checkVisibility', { value: () => true });
    Object.defineProperty(el('gone'), 'checkVisibility', { value: () => false });
    expect(isTextRendered(el('wrap').firstChild as Text)).toBe(true);
    expect(isTextRendered(el('hid').firstChild as Text)).toBe(false);
    expect(isTextRendered(el('wrap2').firstChild as Text)).toBe(false);
  });

  it('counts attached text as rendered without a layout engine, and detached text as not', () => {
    const doc = parseDocument('<p>Kyiv</p>');
    expect(isTextRendered(doc.querySelector('p')?.firstChild as Text)).toBe(true);
    expect(isTextRendered(doc.createTextNode('loose'))).toBe(false);
  });
});
