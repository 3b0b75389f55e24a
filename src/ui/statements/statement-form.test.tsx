/** The statement form keeps what is typed while a save is on its way (review 11B RB4). */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { DraftShelf } from '../draft-shelf.tsx';
import { installDom } from '../test-dom.ts';
import { StatementForm, type FormSeed, type StatementDraft } from './statement-form.tsx';

let dom: ReturnType<typeof installDom>;
beforeEach(() => {
  dom = installDom();
});
afterEach(() => {
  act(() => render(null, dom.container));
});

const seed: FormSeed = { speakerId: 'peskov', speakerName: 'Dmitry Peskov', topics: [], date: { from: '2022-03-01', to: '2022-03-01', precision: 'day' } as FormSeed['date'], quote: 'We are ready', text: 'We are ready to talk' };

function memoryShelf(): DraftShelf<StatementDraft> & { held: StatementDraft | null } {
  return {
    held: null,
    get() {
      return this.held;
    },
    put(d) {
      this.held = d;
    },
  };
}

async function saveWhile(typeDuringSave: boolean) {
  const shelf = memoryShelf();
  let release!: () => void;
  const saved: string[] = [];
  act(() =>
    render(
      <StatementForm
        seed={seed}
        entities={[{ id: 'peskov', label: 'Dmitry Peskov', type: 'person' }]}
        idPrefix="t"
        shelf={shelf}
        onSave={(edits) => {
          saved.push(edits.stance);
          return new Promise<void>((ok) => (release = ok));
        }}
        onCancel={() => {}}
      />,
      dom.container,
    ),
  );
  const stance = dom.container.querySelector<HTMLTextAreaElement>('#t-stance')!;
  const type = (value: string) =>
    act(() => {
      stance.value = value;
      stance.dispatchEvent(new dom.window.Event('input', { bubbles: true }));
    });
  type('Ready to talk');
  act(() => {
    dom.container.querySelector('form')!.dispatchEvent(new dom.window.Event('submit', { bubbles: true, cancelable: true }));
  });
  expect(saved).toEqual(['Ready to talk']);
  if (typeDuringSave) type('Ready to talk, on terms');
  await act(async () => {
    release();
    await new Promise((ok) => setTimeout(ok, 0));
  });
  return shelf.held;
}

it('typing on while the save is on its way: the newer words stay on the shelf', async () => {
  const kept = await saveWhile(true);
  expect(kept?.stance).toBe('Ready to talk, on terms');
});

it('nothing typed during the save: the shelf is cleared once saved', async () => {
  expect(await saveWhile(false)).toBeNull();
});
