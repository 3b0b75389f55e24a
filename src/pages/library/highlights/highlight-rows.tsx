/** The two kinds of library rows: a page heading, and one highlight with its actions. */
import { t } from '../../../core/i18n.ts';
import { plural } from '../../../ui/plural.ts';
import type { PageGroup, SavedHighlight } from '../../../core/annotations/index.ts';
import { highlightSite } from '../../../core/annotations/model.ts';
import { SAVED_SWATCHES } from '../../../ui/saved-swatches.ts';
import { safeHref } from '../../../core/schema/http-url.ts';
import { formatMoment } from '../../../ui/dates.ts';

/** Fixed row heights (CSS pixels) the virtual list lays out by; library.css clamps content to fit. */
export const PAGE_ROW_PX = 64;
export const ITEM_ROW_PX = 128;

export function PageRow({ group, orphans }: { group: PageGroup; orphans: number }) {
  return (
    <div class="hl-page">
      <a class="hl-page-title" href={safeHref(group.pageUrl)} target="_blank" rel="noopener noreferrer">
        {group.pageTitle || group.pageUrl}
      </a>
      <span class="hl-page-meta">
        {highlightSite(group.pageUrl)} · {plural('libraryCount', group.highlights.length)}
        {orphans > 0 && <span class="hl-orphan-count"> · {t('libraryPageOrphans', orphans)}</span>}
      </span>
    </div>
  );
}

export interface ItemRowProps {
  highlight: SavedHighlight;
  entityLabel(id: string): string;
  locale: string;
  onOpen(h: SavedHighlight): void;
  onEdit(h: SavedHighlight): void;
  onDelete(h: SavedHighlight): void;
  /** Issue 12: "Record as a position…". */
  onRecord?(h: SavedHighlight): void;
}

export function ItemRow({ highlight: h, entityLabel, locale, onOpen, onEdit, onDelete, onRecord }: ItemRowProps) {
  const date = formatMoment(h.createdAt, locale);
  return (
    <div class="hl-item" style={{ '--hl-swatch': SAVED_SWATCHES[h.color] }}>
      <blockquote class="hl-quote">{h.selectors.quote.exact}</blockquote>
      {h.note && <p class="hl-note">{h.note}</p>}
      <div class="hl-meta">
        <time dateTime={new Date(h.createdAt).toISOString()}>{date}</time>
        {h.orphanedAt !== undefined && (
          <span class="hl-orphan" title={t('libraryOrphanTitle')}>
            {t('libraryOrphan')}
          </span>
        )}
        {h.tags.map((tag) => (
          <span key={tag} class="hl-tag">
            #{tag}
          </span>
        ))}
        {h.entityIds.map((id) => (
          <span key={id} class="hl-entity">
            {entityLabel(id)}
          </span>
        ))}
        <span class="hl-actions">
          <button type="button" onClick={() => onOpen(h)} aria-label={t('libraryOpenLabel')}>
            {t('libraryOpen')}
          </button>
          <button type="button" onClick={() => onEdit(h)} aria-label={t('libraryEditLabel')}>
            {t('libraryEdit')}
          </button>
          {onRecord && (
            <button type="button" onClick={() => onRecord(h)} aria-label={t('recordHighlightLabel')}>
              {t('recordHighlight')}
            </button>
          )}
          <button type="button" class="hl-danger" onClick={() => onDelete(h)} aria-label={t('libraryDeleteLabel')}>
            {t('libraryDelete')}
          </button>
        </span>
      </div>
    </div>
  );
}
