/**
 * The welcome page's demo: a short article in the interface language, underlined by the record just
 * installed (the background's matcher finds the mentions, as on any page), with the real popover on hover
 * or from the keyboard — the same keys as on news pages: the focus shortcut moves to the next mention,
 * Tab and Shift+Tab move on, Enter or ↓ enter the card, Esc closes it and the next shortcut resumes from
 * the last mention. Content scripts do not run on extension pages, so this page draws its own underlines.
 */
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import * as v from 'valibot';
import { t, type MessageKey } from '../../core/i18n.ts';
import type { EntityRecord } from '../../core/record/types.ts';
import { DEFAULT_HOVER_DELAY_MS } from '../../core/settings.ts';
import { FoundMentionsReply } from '../../shared/messages.ts';
import { sourcePagePath } from '../../shared/source-page-path.ts';
import { interfaceLocale } from '../../ui/dates.ts';
import { Popover } from '../../ui/popover/popover.tsx';
import { TYPE_COLORS } from '../../ui/theme.ts';
import { ask, errorText } from '../ask-background.ts';

/** The article: a headline and two paragraphs, in the interface language (_locales). */
const PARAGRAPHS: readonly MessageKey[] = ['welcomeDemoHeadline', 'welcomeDemoP1', 'welcomeDemoP2'];
/** Grace after the pointer leaves mention and card, so it can cross the gap (as on pages: content/reader.ts). */
const CLOSE_GRACE_MS = 300;

type Found = FoundMentionsReply['paragraphs'][number][number];
interface Mention extends Found {
  paragraph: number;
  index: number;
}
interface Open {
  mention: Mention;
  record: EntityRecord;
  mode: 'hover' | 'keyboard';
  focusPositionId?: string;
}

function isFocusShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyO';
}

async function fetchRecord(entityId: string): Promise<EntityRecord> {
  return (await ask<{ record: EntityRecord }>({ type: 'cs-bg-get-record', entityId })).record;
}

export function DemoArticle() {
  const texts = PARAGRAPHS.map((k) => t(k));
  const [mentions, setMentions] = useState<Mention[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const openRef = useRef<Open | null>(null);
  openRef.current = open;
  const marks = useRef<(HTMLElement | null)[]>([]);
  const frame = useRef<HTMLDivElement>(null);
  const timers = useRef<{ dwell?: number; close?: number; dwellOn?: number }>({});
  const overCard = useRef(false);
  const resumeFrom = useRef<number | undefined>(undefined);
  const returnFocus = useRef<HTMLElement | null>(null);
  const generation = useRef(0);

  useEffect(() => {
    ask<object>({ type: 'page-bg-find-mentions', paragraphs: texts }).then(
      (reply) => {
        const parsed = v.safeParse(FoundMentionsReply, reply);
        if (!parsed.success) throw new Error('invalid reply');
        let index = 0;
        setMentions(parsed.output.paragraphs.flatMap((list, paragraph) => list.map((m) => ({ ...m, paragraph, index: index++ }))));
      },
    ).catch((err: unknown) => setError(errorText(err)));
  }, []);

  const cancelTimers = (): void => {
    clearTimeout(timers.current.dwell);
    clearTimeout(timers.current.close);
    timers.current = {};
  };

  const show = async (mention: Mention, mode: Open['mode'], focus: boolean): Promise<void> => {
    const g = ++generation.current;
    cancelTimers();
    try {
      const record = await fetchRecord(mention.entityId);
      if (g !== generation.current) return;
      setOpen({ mention, record, mode });
      if (focus) requestAnimationFrame(() => frame.current?.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true }));
    } catch (err) {
      if (g === generation.current) setError(errorText(err));
    }
  };

  const close = (restoreFocus: boolean): void => {
    ++generation.current;
    cancelTimers();
    const was = openRef.current;
    if (was?.mode === 'keyboard') resumeFrom.current = was.mention.index;
    setOpen(null);
    overCard.current = false;
    if (restoreFocus && was?.mode === 'keyboard') {
      returnFocus.current?.focus({ preventScroll: true });
      returnFocus.current = null;
    }
  };

  const focusNext = (direction: 1 | -1): void => {
    if (!mentions || mentions.length === 0) return;
    const from = openRef.current?.mode === 'keyboard' ? openRef.current.mention.index : resumeFrom.current;
    const index = from === undefined ? (direction === 1 ? 0 : mentions.length - 1) : (from + direction + mentions.length) % mentions.length;
    if (openRef.current?.mode !== 'keyboard') {
      const active = document.activeElement;
      returnFocus.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
    marks.current[index]?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    void show(mentions[index]!, 'keyboard', true);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.isTrusted) return;
      if (isFocusShortcut(e)) {
        e.preventDefault();
        focusNext(1);
      } else if (e.key === 'Escape' && openRef.current) {
        close(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The card follows its mention (scrolling, resizing), as the popover on pages does.
  useEffect(() => {
    const anchor = open ? marks.current[open.mention.index] : null;
    const card = frame.current;
    if (!anchor || !card) return;
    return autoUpdate(anchor, card, () => {
      void computePosition(anchor, card, { strategy: 'absolute', placement: 'bottom-start', middleware: [offset(8), flip({ padding: 8 }), shift({ padding: 8 })] }).then(({ x, y }) => {
        card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }, [open?.mention.index, open?.record]);

  const onMentionEnter = (m: Mention): void => {
    clearTimeout(timers.current.close);
    timers.current.close = undefined;
    if (openRef.current?.mention.index === m.index) return;
    if (timers.current.dwellOn === m.index) return;
    clearTimeout(timers.current.dwell);
    timers.current.dwellOn = m.index;
    timers.current.dwell = window.setTimeout(() => {
      timers.current.dwellOn = undefined;
      void show(m, 'hover', false);
    }, DEFAULT_HOVER_DELAY_MS);
  };
  const scheduleClose = (): void => {
    clearTimeout(timers.current.dwell);
    timers.current.dwellOn = undefined;
    if (!openRef.current || openRef.current.mode !== 'hover' || timers.current.close !== undefined) return;
    timers.current.close = window.setTimeout(() => {
      timers.current.close = undefined;
      if (!overCard.current && openRef.current?.mode === 'hover') close(false);
    }, CLOSE_GRACE_MS);
  };

  const onCardKey = (e: KeyboardEvent): void => {
    const atRoot = (e.target as HTMLElement | null)?.getAttribute('role') === 'dialog';
    if (!atRoot) return;
    if (e.key === 'Tab' && openRef.current?.mode === 'keyboard') {
      e.preventDefault();
      focusNext(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      frame.current?.querySelector<HTMLElement>('[role="dialog"] button:not([disabled]), [role="dialog"] a[href], [role="dialog"] [tabindex="0"]')?.focus();
    }
  };

  const paragraph = (text: string, i: number) => {
    const parts: preact.ComponentChild[] = [];
    let at = 0;
    for (const m of (mentions ?? []).filter((x) => x.paragraph === i)) {
      if (m.start < at) continue;
      parts.push(text.slice(at, m.start));
      const color = TYPE_COLORS[m.type];
      const current = open?.mention.index === m.index;
      parts.push(
        <span
          ref={(el) => {
            marks.current[m.index] = el;
          }}
          class={`mention${m.quiet ? ' quiet' : ''}${current ? ' current' : ''}`}
          data-entity={m.entityId}
          data-type={m.type}
          style={{ '--type-light': color.light, '--type-dark': color.dark }}
          onPointerEnter={() => onMentionEnter(m)}
          onPointerLeave={scheduleClose}
        >
          {text.slice(m.start, m.end)}
        </span>,
      );
      at = m.end;
    }
    parts.push(text.slice(at));
    return parts;
  };

  return (
    <div class="demo" data-ready={mentions ? 'true' : 'false'}>
      <article class="demo-article" lang={interfaceLocale().split('-')[0]}>
        <p class="kicker">{t('welcomeDemoKicker')}</p>
        <h3 class="demo-headline">{paragraph(texts[0]!, 0)}</h3>
        <p>{paragraph(texts[1]!, 1)}</p>
        <p>{paragraph(texts[2]!, 2)}</p>
      </article>
      {error && <p class="error" role="alert">{t('welcomeDemoError', error)}</p>}
      <div
        ref={frame}
        class="card-frame"
        hidden={!open}
        onPointerEnter={() => {
          overCard.current = true;
          clearTimeout(timers.current.close);
          timers.current.close = undefined;
        }}
        onPointerLeave={() => {
          overCard.current = false;
          scheduleClose();
        }}
        onKeyDown={onCardKey}
      >
        {open && (
          <Popover
            record={open.record}
            locale={interfaceLocale()}
            onClose={() => close(true)}
            onOpenSource={(positionId, sourceId) => void browser.tabs.create({ url: browser.runtime.getURL(sourcePagePath(sourceId, positionId)) })}
            sourceHref={(positionId, sourceId) => browser.runtime.getURL(sourcePagePath(sourceId, positionId))}
            onOpenEntity={(actorId, positionId) => {
              const current = openRef.current;
              if (!current) return;
              void fetchRecord(actorId).then(
                (record) => setOpen({ ...current, record, ...(positionId ? { focusPositionId: positionId } : {}) }),
                (err: unknown) => setError(errorText(err)),
              );
            }}
            {...(open.focusPositionId ? { focusPositionId: open.focusPositionId } : {})}
          />
        )}
      </div>
    </div>
  );
}
