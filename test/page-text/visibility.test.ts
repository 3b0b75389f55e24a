import { describe, expect, it } from 'vitest';
import { isTextRendered } from '../../src/content/page-text/index.ts';
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

  it('counts attached text as rendered without a layout engine, and detached text as not', () => {
    const doc = parseDocument('<p>Kyiv</p>');
    expect(isTextRendered(doc.querySelector('p')?.firstChild as Text)).toBe(true);
    expect(isTextRendered(doc.createTextNode('loose'))).toBe(false);
  });
});
