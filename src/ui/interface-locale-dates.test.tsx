import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { buildEntityRecord } from '../core/record/entity-record.ts';
import { makeCorpus } from '../core/record/test-corpus.ts';
import { interfaceLocale } from './dates.ts';
import { Popover } from './popover/popover.tsx';
import { installDom } from './test-dom.ts';

describe('the interface language for dates', () => {
  it('is the browser’s UI language when the extension speaks it, else English, whatever the page says', () => {
    expect(interfaceLocale('uk')).toBe('uk');
    expect(interfaceLocale('ru_RU')).toBe('ru-RU');
    expect(interfaceLocale('en-GB')).toBe('en-GB');
    // German pages are read, but the extension has no German messages: its cards stay in English, dates too.
    expect(interfaceLocale('de-DE')).toBe('en');
  });

  describe('in the card', () => {
    let dom: ReturnType<typeof installDom>;
    beforeEach(() => {
      dom = installDom();
    });
    afterEach(() => {
      act(() => render(null, dom.container));
    });

    const datesIn = (locale: string): string[] => {
      act(() =>
        render(
          <Popover
            record={buildEntityRecord(makeCorpus(), 'dmitry-peskov')}
            locale={locale}
            onClose={() => undefined}
            onOpenSource={() => undefined}
            sourceHref={() => '#'}
            onOpenEntity={() => undefined}
          />,
          dom.container,
        ),
      );
      return [...dom.container.querySelectorAll('.or-position time')].map((e) => (e.textContent ?? '').trim());
    };

    it('writes every date in the interface language it is given', () => {
      const en = datesIn('en');
      expect(en).toEqual(expect.arrayContaining(['1 Dec 2022', '29 Sep 2022']));
      const uk = datesIn(interfaceLocale('uk'));
      const ru = datesIn(interfaceLocale('ru'));
      expect(uk).toHaveLength(en.length);
      expect(uk).toEqual(expect.arrayContaining(['1 груд. 2022 р.', '29 вер. 2022 р.']));
      expect(ru).toEqual(expect.arrayContaining(['1 дек. 2022 г.', '29 сент. 2022 г.']));
      // Not one English month left in a Ukrainian or Russian card.
      expect([...uk, ...ru].join(' ')).not.toMatch(/[A-Za-z]/);
    });
  });
});
