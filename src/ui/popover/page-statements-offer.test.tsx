/** Issue 12: the empty card offers the page's own statements by the actor, as text, and adds one. */
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { buildEntityRecord } from '../../core/record/entity-record.ts';
import { makeCorpus } from '../../core/record/test-corpus.ts';
import type { PageStatement } from '../../core/recording/types.ts';
import { installDom } from '../test-dom.ts';
import { Popover } from './popover.tsx';
import type { PageStatementsOffer } from './page-statements-offer.tsx';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => {
  act(() => render(null, dom.container));
});

const statement = (start: number, text: string, recorded: PageStatement['recorded'] = null): PageStatement => ({
  start, end: start + text.length, speakerId: 'bbc', speakerName: 'BBC', speakerType: 'organization', kind: 'direct', quote: text, text, topics: [], date: null, recorded,
});

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((ok) => setTimeout(ok, 0));
  });
}

describe('empty card: statements on this page', () => {
  it('lists the unrecorded statements of the actor, as text, and adds one', async () => {
    const asked: string[] = [];
    const added: number[] = [];
    const offer: PageStatementsOffer = {
      load: async (id) => {
        asked.push(id);
        return [statement(10, '<b>We will publish</b> the report'), statement(80, 'Already recorded words', { positionId: 'p1', mine: false })];
      },
      add: async (s) => {
        added.push(s.start);
      },
    };
    act(() =>
      render(
        <Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={offer} />,
        dom.container,
      ),
    );
    await settle();
    const section = dom.container.querySelector('.or-page-statements');
    expect(asked).toEqual(['bbc']);
    expect(section?.querySelectorAll('li')).toHaveLength(1);
    // The page quotes them: the offer replaces "No recorded positions yet" and its hint (audit 10 A15).
    expect(dom.container.querySelector('.or-empty')).toBeNull();
    // Page words are text, never markup.
    expect(section?.querySelector('q')?.textContent).toBe('<b>We will publish</b> the report');
    expect(section?.querySelector('b')).toBeNull();
    const button = section?.querySelector('button');
    act(() => {
      button?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(added).toEqual([10]);
    expect(section?.querySelector('[role="status"]')?.textContent).toBe('Added to your record');
  });

  it('says so when the add went into a fresh layer because the user\'s own layer did not read (issue 14, G4)', async () => {
    const offer: PageStatementsOffer = { load: async () => [statement(10, 'We will publish the report')], add: async () => ({ keptAside: true }) };
    act(() =>
      render(
        <Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={offer} />,
        dom.container,
      ),
    );
    await settle();
    const section = dom.container.querySelector('.or-page-statements');
    expect(section?.querySelector('[data-kept-aside]')).toBeNull();
    act(() => {
      section?.querySelector('button')?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(section?.querySelector('[role="alert"][data-kept-aside]')?.textContent).toBe(
      'Your earlier additions could not be read: they are kept aside, untouched, and this one starts a fresh set (see Options).',
    );
  });

  it('after Add: "Added to your record · Undo", focus on that status; Undo takes it back and offers it again (audit 10 A22)', async () => {
    const undone: string[] = [];
    const offer: PageStatementsOffer = {
      load: async () => [statement(10, 'We will publish the report')],
      add: async () => ({ keptAside: false, positionId: 'user-p1' }),
      undo: async (id) => {
        undone.push(id);
      },
    };
    act(() =>
      render(
        <Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={offer} />,
        dom.container,
      ),
    );
    await settle();
    const section = dom.container.querySelector('.or-page-statements');
    // linkedom has no focus: the element focus() is called on is noted.
    let focused: unknown = null;
    const proto = dom.window.HTMLElement.prototype as { focus(): void };
    const own = Object.getOwnPropertyDescriptor(proto, 'focus');
    proto.focus = function (this: unknown) {
      focused = this;
    };
    onTestFinished(() => {
      if (own) Object.defineProperty(proto, 'focus', own);
      else delete (proto as Partial<typeof proto>).focus;
    });
    act(() => {
      section?.querySelector<HTMLButtonElement>('.or-add-statement')?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    });
    await settle();
    const status = section?.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Added to your record · Undo');
    expect(focused).toBe(status);
    act(() => {
      section?.querySelector('.or-undo-statement')?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(undone).toEqual(['user-p1']);
    expect(section?.querySelector('[role="status"]')?.textContent).toBe('Removed from your record.');
    expect(section?.querySelector('.or-add-statement')).not.toBeNull();
  });

  it('an "already" answer says "Already in your record", not "Added" (audit 10 A22)', async () => {
    const offer: PageStatementsOffer = { load: async () => [statement(10, 'We will publish the report')], add: async () => ({ keptAside: false, positionId: 'p9', already: true }) };
    act(() =>
      render(
        <Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={offer} />,
        dom.container,
      ),
    );
    await settle();
    const section = dom.container.querySelector('.or-page-statements');
    act(() => {
      section?.querySelector('.or-add-statement')?.dispatchEvent(new dom.window.Event('click', { bubbles: true, cancelable: true }));
    });
    await settle();
    expect(section?.querySelector('[role="status"]')?.textContent).toBe('Already in your record');
    expect(section?.querySelector('.or-undo-statement')).toBeNull();
  });

  it('a second press while the add is on its way is ignored: one add, and the card keeps "Added · Undo" (review 11B RB2)', async () => {
    let recorded = false;
    const calls: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    const offer: PageStatementsOffer = {
      load: async () => [statement(10, 'We will publish the report')],
      // As the background does: recordings are serialised, so a second one finds the first and answers "already".
      add: async (s) => {
        calls.push(s.start);
        await gate;
        if (recorded) return { keptAside: false, positionId: 'user-p-1', already: true };
        recorded = true;
        return { keptAside: false, positionId: 'user-p-1' };
      },
      undo: async () => {},
    };
    act(() => render(<Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={offer} />, dom.container));
    await settle();
    const button = dom.container.querySelector<HTMLButtonElement>('.or-add-statement')!;
    act(() => {
      button.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    });
    act(() => {
      button.dispatchEvent(new dom.window.Event('click', { bubbles: true }));
    });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    release();
    await settle();
    await settle();
    expect(calls).toEqual([10]);
    const card = dom.container.querySelector('.or-page-statements li')!.textContent ?? '';
    expect(card).not.toContain('Already in your record');
    expect(dom.container.querySelector('.or-undo-statement')).not.toBeNull();
  });

  it('shows nothing more than the empty state when the page quotes nobody', async () => {
    act(() =>
      render(
        <Popover record={buildEntityRecord(makeCorpus(), 'bbc')} onClose={() => {}} onOpenSource={() => {}} sourceHref={() => ''} onOpenEntity={() => {}} pageStatements={{ load: async () => [], add: async () => {} }} />,
        dom.container,
      ),
    );
    await settle();
    expect(dom.container.querySelector('.or-empty')).not.toBeNull();
    expect(dom.container.querySelector('.or-page-statements')).toBeNull();
  });
});
