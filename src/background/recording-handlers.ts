/** The router's side of issue 12: one call into the recording service (or the review queue) per request. */
import { RecordingContentRequests, RecordingPageRequests, type RecordingContentRequest, type RecordingPageRequest } from '../shared/messages.ts';
import type { SavedHighlight } from '../core/annotations/model.ts';
import type { RecordingService } from './recording-service.ts';
import type { ReviewQueue } from './review-queue.ts';
import type { Sender } from './router.ts';
import { draftFromHighlight } from '../core/recording/from-highlight.ts';
import { StatementEdits } from '../core/recording/types.ts';
import * as v from 'valibot';
import { t } from '../core/i18n.ts';

const CONTENT: ReadonlySet<string> = new Set(RecordingContentRequests.map((s) => s.entries.type.literal));
const PAGE: ReadonlySet<string> = new Set(RecordingPageRequests.map((s) => s.entries.type.literal));

export function isRecordingContentRequest(req: { type: string }): req is RecordingContentRequest {
  return CONTENT.has(req.type);
}
export function isRecordingPageRequest(req: { type: string }): req is RecordingPageRequest {
  return PAGE.has(req.type);
}

export class RecordingHandlers {
  /** Positions the popover's card recorded, with the tab it did so in: only those can be undone from a page (A22). */
  readonly #fromCard = new Map<string, number>();

  constructor(
    private readonly recording: RecordingService,
    private readonly review: ReviewQueue,
    private readonly highlight: (id: string) => Promise<SavedHighlight | undefined>,
  ) {}

  async handleContent(req: RecordingContentRequest, sender: Sender): Promise<object> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error('no tab');
    switch (req.type) {
      case 'cs-bg-page-statements': {
        const { statements, page } = await this.recording.statements(tabId, false);
        // Only what the empty card needs: this speaker's statements, not recorded yet.
        return { page, statements: statements.filter((s) => s.speakerId === req.entityId) };
      }
      case 'cs-bg-record-statement': {
        const recorded = await this.recording.recordStatement(tabId, req.start, req.end, undefined, req.text);
        if (!recorded.already) this.#fromCard.set(recorded.positionId, tabId);
        return recorded;
      }
      case 'cs-bg-unrecord': {
        // A content script may take back what its own card just added, never another position of the user's.
        if (this.#fromCard.get(req.positionId) !== tabId) throw new Error(t('statementsNotYours'));
        await this.recording.unrecord(req.positionId);
        this.#fromCard.delete(req.positionId);
        return {};
      }
    }
  }

  async handlePage(req: RecordingPageRequest): Promise<object> {
    switch (req.type) {
      case 'page-bg-page-statements':
        return this.recording.statements(req.tabId);
      case 'page-bg-record-statement':
        return this.recording.recordStatement(req.tabId, req.start, req.end, req.edits, req.text);
      case 'page-bg-record-highlight': {
        const highlight = await this.highlight(req.id);
        if (!highlight) throw new Error(`highlight "${req.id}" is not saved`);
        return this.recording.record(draftFromHighlight(highlight, v.parse(StatementEdits, req.edits)));
      }
      case 'page-bg-my-record':
        return this.recording.myRecord();
      case 'page-bg-unrecord':
        await this.recording.unrecord(req.positionId);
        return {};
      case 'page-bg-review-import':
        return this.review.import(req.text, req.fileName, req.replace === true);
      case 'page-bg-review-state':
        return { state: await this.review.state() };
      case 'page-bg-review-decide':
        return { state: await this.review.decide(req.ids, req.decision, req.edits) };
      case 'page-bg-review-undo':
        return { state: await this.review.undo() };
      case 'page-bg-review-target':
        return { state: await this.review.setTarget(req.target) };
      case 'page-bg-review-clear':
        return { state: await this.review.clear() };
      case 'page-bg-review-reopen':
        return { state: await this.review.reopen() };
    }
  }
}
