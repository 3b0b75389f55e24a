/**
 * Every message that crosses an extension boundary, named by direction:
 *   cs-bg-*   content script → background
 *   page-bg-* extension page (source viewer, options, …) → background
 * Each request has a valibot schema; the background validates the shape and
 * the sender before it acts (see background/router.ts).
 */
import { CheckCardReply } from '../core/claims/position-summary.ts';
import { MAX_JSON_LD, MAX_JSON_LD_CHARS, MAX_LANG_TAG_CHARS, MAX_META_CHARS, MAX_META_NAME_CHARS, MAX_META_TAGS, MAX_TIMES, MAX_TITLE_CHARS, MAX_URL_CHARS } from '../core/limits.ts';
import * as v from 'valibot';
import { MAX_BACKUP_BYTES } from '../core/backup/check.ts';
import { HIGHLIGHT_COLORS, HighlightPatchSchema, SavedHighlightSchema, SelectorsSchema, TagsSchema } from '../core/annotations/model.ts';
import { ClaimSelectors, VERDICTS } from '../core/claims/check-record.ts';
import { PositionSummarySchema } from '../core/claims/position-summary.ts';
import { EntityType } from '../core/corpus/schema.ts';
import { Settings } from '../core/settings.ts';
import { MAX_CONTEXT_IDS, MAX_CONTEXT_TAIL, MAX_HELD_TEXTS, MAX_SCAN_BATCH_CHARS, MAX_SCAN_CHARS, MAX_SCAN_PARTS } from './page-scan.ts';

const Id = v.pipe(v.string(), v.maxLength(200));

/**
 * ADR 017: chunks of the page's text for the background to scan with the record's matcher, in document order. `doc`
 * names the document (a new one at each full rescan): the background keeps its context (names seen so far) per tab
 * and doc. The chunks a tab extracts in one slice travel together (issue 14: a live feed made one message per chunk,
 * hundreds a second): the background scans them in order, exactly as if each came alone.
 */
/** A document's scan context, carried by the tab between the worker's restarts (shared/page-scan.ts WireContext). */
const ScanContext = v.object({
  fingerprint: v.pipe(v.string(), v.maxLength(200)),
  seen: v.pipe(v.array(Id), v.maxLength(MAX_CONTEXT_IDS)),
  anchors: v.pipe(v.array(Id), v.maxLength(MAX_CONTEXT_IDS)),
  tail: v.pipe(v.string(), v.maxLength(MAX_CONTEXT_TAIL)),
  withheld: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const CsBgScan = v.object({
  type: v.literal('cs-bg-scan'),
  /** The document's context as the last answer left it: used only when the worker has none (it was restarted). */
  ctx: v.optional(ScanContext),
  doc: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  parts: v.pipe(
    v.array(
      v.object({
        text: v.pipe(v.string(), v.maxLength(MAX_SCAN_CHARS)),
        /** Issue 13: a chunk scanned again for the topic words it withheld; the document's reading position stays. */
        late: v.optional(v.boolean()),
      }),
    ),
    v.minLength(1),
    v.maxLength(MAX_SCAN_PARTS),
    v.check((parts) => parts.reduce((n, p) => n + p.text.length, 0) <= MAX_SCAN_BATCH_CHARS, `at most ${MAX_SCAN_BATCH_CHARS} characters in all`),
  ),
});
export const CsBgGetRecord = v.object({ type: v.literal('cs-bg-get-record'), entityId: Id });
export const CsBgOpenSource = v.object({ type: v.literal('cs-bg-open-source'), sourceId: Id, positionId: v.optional(Id) });
export const PageBgGetSource = v.object({ type: v.literal('page-bg-get-source'), sourceId: Id });
export const PageBgStatus = v.object({ type: v.literal('page-bg-status') });
/** Issue 13: the welcome page's demo asks which words of its (localized) article the record underlines. */
export const PageBgFindMentions = v.object({
  type: v.literal('page-bg-find-mentions'),
  paragraphs: v.pipe(v.array(v.pipe(v.string(), v.maxLength(5_000))), v.maxLength(20)),
});
/** Its reply: per paragraph, the mentions (UTF-16 offsets), each with its type and whether its card has nothing to show. */
export const FoundMentionsReply = v.object({
  paragraphs: v.pipe(
    v.array(
      v.pipe(
        v.array(
          v.object({
            start: v.pipe(v.number(), v.integer(), v.minValue(0)),
            end: v.pipe(v.number(), v.integer(), v.minValue(0)),
            entityId: Id,
            type: v.picklist(['person', 'organization', 'collective', 'place', 'event', 'topic']),
            quiet: v.boolean(),
          }),
        ),
        v.maxLength(2_000),
      ),
    ),
    v.maxLength(20),
  ),
});
export type FoundMentionsReply = v.InferOutput<typeof FoundMentionsReply>;

// Researchers' highlights. The page URL is never taken from the message: the background uses the sender's.
const PageTitle = v.pipe(v.string(), v.maxLength(MAX_TITLE_CHARS));
const PageUrlText = v.pipe(v.string(), v.maxLength(MAX_URL_CHARS));
/** A save's id, minted by the content script per passage, so a retry after a lost reply stores one highlight. */
export const SaveKey = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/));
export const CsBgHighlightSave = v.object({
  type: v.literal('cs-bg-highlight-save'),
  key: v.optional(SaveKey),
  canonicalUrl: v.optional(PageUrlText),
  pageTitle: PageTitle,
  selectors: SelectorsSchema,
  note: v.optional(HighlightPatchSchema.entries.note),
  tags: v.optional(TagsSchema),
  color: v.optional(v.picklist(HIGHLIGHT_COLORS)),
});
export const CsBgHighlightsForPage = v.object({ type: v.literal('cs-bg-highlights-for-page'), canonicalUrl: v.optional(PageUrlText) });
/** After re-anchoring: which of this page's highlights were placed and which are orphans. */
export const CsBgHighlightsAnchored = v.object({
  type: v.literal('cs-bg-highlights-anchored'),
  placed: v.pipe(v.array(Id), v.maxLength(100_000)),
  orphaned: v.pipe(v.array(Id), v.maxLength(100_000)),
  canonicalUrl: v.optional(PageUrlText),
});
/** The library's "open": the background opens the page and tells it which highlight to scroll to. */
export const PageBgHighlightOpen = v.object({ type: v.literal('page-bg-highlight-open'), id: Id });
/**
 * The note editor lives in an extension window, never in the page: key and input events typed into a page
 * (even into a closed shadow root) reach the page's own listeners. The content script asks for it with the
 * highlight's id (checked against the sender's page) and where on screen the highlight is, to open beside it.
 */
const ScreenPoint = v.object({
  left: v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000)),
  top: v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000)),
});
export const CsBgNoteEditorOpen = v.object({
  type: v.literal('cs-bg-note-editor-open'), id: Id, fresh: v.boolean(), at: v.optional(ScreenPoint), canonicalUrl: v.optional(PageUrlText),
});
/** The note window: its highlight and the tags in use; saving and deleting (the background tells the page's tab). */
const NoteTab = v.pipe(v.number(), v.integer(), v.minValue(0));
export const PageBgNoteLoad = v.object({ type: v.literal('page-bg-note-load'), id: Id });
export const PageBgNoteSave = v.object({ type: v.literal('page-bg-note-save'), id: Id, patch: HighlightPatchSchema, tabId: v.optional(NoteTab) });
export const PageBgNoteDelete = v.object({ type: v.literal('page-bg-note-delete'), id: Id, tabId: v.optional(NoteTab) });
/** Over the note window's port (runtime.connect): which highlight it edits, and its unsaved changes as they are typed. */
export const NOTE_PORT = 'onrecord-note-editor';
export const NotePortMessage = v.variant('type', [
  v.object({ type: v.literal('note-open'), id: Id, tabId: v.optional(NoteTab) }),
  v.object({ type: v.literal('note-draft'), patch: v.nullable(HighlightPatchSchema) }),
]);
export type NotePortMessage = v.InferOutput<typeof NotePortMessage>;
/** Background → content script: this page's highlights changed elsewhere (reload them); the note window closed. */
export const BgCsHighlightsChanged = v.object({ type: v.literal('bg-cs-highlights-changed') });
export const BgCsNoteEditorClosed = v.object({ type: v.literal('bg-cs-note-editor-closed'), id: Id });
export const BgCsHighlightsMessage = v.variant('type', [BgCsHighlightsChanged, BgCsNoteEditorClosed]);
/** Background → content script: act on the current selection (context menu, keyboard command). */
export const BgCsSaveSelection = v.object({ type: v.literal('bg-cs-save-selection') });
export const BgCsCheckSelection = v.object({ type: v.literal('bg-cs-check-selection') });
export const BgCsSelectionCommand = v.variant('type', [BgCsSaveSelection, BgCsCheckSelection]);
/**
 * The extension asks a tab whether its content script has work in progress (content/activity.ts); the
 * reply goes to the extension only. Tests wait on it instead of sleeping before a "nothing happened" check.
 */
export const BgCsActivity = v.object({ type: v.literal('bg-cs-activity') });
export const ACTIVITY_MESSAGE = BgCsActivity.entries.type.literal;
/** A tab's answer to BgCsActivity (content/activity.ts), read by the popup before it re-reads the tab's mentions. */
export const ActivityReply = v.object({ href: v.string(), idle: v.boolean(), finished: v.number(), timers: v.number(), requests: v.number(), busyQueues: v.number() });
export const HighlightsContentRequests = [
  // Notes are changed and deleted only from the note window (an extension page): content scripts cannot.
  CsBgHighlightSave, CsBgHighlightsForPage, CsBgHighlightsAnchored, CsBgNoteEditorOpen,
] as const;
export const HighlightsPageRequests = [PageBgHighlightOpen, PageBgNoteLoad, PageBgNoteSave, PageBgNoteDelete] as const;
export type HighlightsContentRequest = v.InferOutput<v.VariantSchema<'type', typeof HighlightsContentRequests, undefined>>;
export type HighlightsPageRequest = v.InferOutput<v.VariantSchema<'type', typeof HighlightsPageRequests, undefined>>;

// Issue 7 (in control): settings, per-site switch, badge, corpora, user layer, backup. Payloads that
// have their own schema (settings patch, alias, position, backup) are checked again by their service.
const Site = v.pipe(v.string(), v.minLength(1), v.maxLength(253));
/** A corpus file as text; the same limit as the loader's (MAX_CORPUS_BYTES). */
const CorpusText = v.pipe(v.string(), v.maxLength(64 * 1024 * 1024));
export const CsBgGetSettings = v.object({ type: v.literal('cs-bg-get-settings') });
export const CsBgMentionCount = v.object({ type: v.literal('cs-bg-mention-count'), count: v.pipe(v.number(), v.integer(), v.minValue(0)) });
export const PageBgGetSettings = v.object({ type: v.literal('page-bg-get-settings') });
export const PageBgUpdateSettings = v.object({ type: v.literal('page-bg-update-settings'), patch: v.record(v.string(), v.unknown()) });
export const PageBgSetSite = v.object({ type: v.literal('page-bg-set-site'), site: Site, on: v.boolean() });
export const PageBgListCorpora = v.object({ type: v.literal('page-bg-list-corpora') });
export const PageBgExportCorpus = v.object({ type: v.literal('page-bg-export-corpus'), id: Id });
/** What importing a corpus file would do (background/corpus-admin.ts ImportPlan), with every refusal; nothing is written. */
export const PageBgPreviewCorpusImport = v.object({ type: v.literal('page-bg-preview-corpus-import'), text: CorpusText, fileName: Id });
/** The import itself, checked again; a file that repeats another corpus carries the user's choice. */
export const PageBgImportCorpus = v.object({ type: v.literal('page-bg-import-corpus'), text: CorpusText, fileName: Id, choice: v.optional(v.picklist(['update', 'replace', 'merge', 'new-only', 'both'])) });
/** The last corpus import's undo, while it lasts (corpus-admin.ts IMPORT_UNDO_MS); and undoing it. */
export const PageBgImportUndoOffer = v.object({ type: v.literal('page-bg-import-undo-offer') });
export const PageBgUndoCorpusImport = v.object({ type: v.literal('page-bg-undo-corpus-import') });
/** Undo of the user's edits of the bundled record: it goes back to the bundle as shipped. */
export const PageBgDiscardBundledEdits = v.object({ type: v.literal('page-bg-discard-bundled-edits') });
export const PageBgRemoveCorpus = v.object({ type: v.literal('page-bg-remove-corpus'), id: Id });
export const PageBgEnableCorpus = v.object({ type: v.literal('page-bg-enable-corpus'), id: Id, enabled: v.boolean() });
export const PageBgListEntities = v.object({ type: v.literal('page-bg-list-entities') });
export const PageBgAddAlias = v.object({ type: v.literal('page-bg-add-alias'), entityId: Id, alias: v.unknown() });
export const PageBgRemoveAlias = v.object({ type: v.literal('page-bg-remove-alias'), entityId: Id, text: v.pipe(v.string(), v.maxLength(500)) });
export const PageBgAddPosition = v.object({ type: v.literal('page-bg-add-position'), position: v.unknown() });
export const PageBgRemovePosition = v.object({ type: v.literal('page-bg-remove-position'), id: Id });
export const PageBgBackup = v.object({ type: v.literal('page-bg-backup') });
/** The user layer that failed to read, as it was stored (to save it as a file), and forgetting it once saved. */
export const PageBgDamagedUserLayer = v.object({ type: v.literal('page-bg-damaged-user-layer'), key: v.optional(Id) });
export const PageBgDismissDamagedUserLayer = v.object({ type: v.literal('page-bg-dismiss-damaged-user-layer'), key: v.optional(Id) });
/** A backup file's text (the service worker parses and checks it; over the limit is refused by the page before reading). */
const BackupText = v.pipe(v.string(), v.maxLength(MAX_BACKUP_BYTES));
export const PageBgRestorePreview = v.object({ type: v.literal('page-bg-restore-preview'), text: BackupText });
export const PageBgRestore = v.object({ type: v.literal('page-bg-restore'), text: BackupText });
/** Issue 15: how far the install of a record has come (background/install-progress.ts); null when none runs. */
/** `loading`: the worker reads a stored record at its start (no install; audit 11 A8: a large record takes seconds). */
export const InstallPhases = ['reading', 'writing', 'compiling', 'loading'] as const;
export type InstallPhase = (typeof InstallPhases)[number];
export const InstallProgressSchema = v.object({
  title: v.pipe(v.string(), v.maxLength(500)),
  phase: v.picklist(InstallPhases),
  fraction: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
});
export type InstallProgressState = v.InferOutput<typeof InstallProgressSchema>;
export const PageBgInstallProgress = v.object({ type: v.literal('page-bg-install-progress') });
/** The requests of the popup and options page, answered by background/control-handlers.ts (one handler per concern). */
export const ControlPageRequests = [
  PageBgGetSettings, PageBgUpdateSettings, PageBgSetSite, PageBgListCorpora, PageBgExportCorpus, PageBgPreviewCorpusImport, PageBgImportCorpus,
  PageBgDiscardBundledEdits, PageBgImportUndoOffer, PageBgUndoCorpusImport, PageBgRemoveCorpus, PageBgEnableCorpus, PageBgListEntities, PageBgAddAlias, PageBgRemoveAlias, PageBgAddPosition,
  PageBgRemovePosition, PageBgBackup, PageBgRestorePreview, PageBgRestore, PageBgDamagedUserLayer, PageBgDismissDamagedUserLayer,
  PageBgInstallProgress,
] as const;
export const ControlPageRequest = v.variant('type', ControlPageRequests);
export type ControlPageRequest = v.InferOutput<typeof ControlPageRequest>;

// Issue 6 (moderators): check a claim, keep the verdict. Verdict drafts have their own schema
// (core/claims/check-record.ts) and are checked again by background/checks-service.ts.
const ClaimText = v.pipe(v.string(), v.maxLength(20_000));
const PageUrl = v.pipe(v.string(), v.maxLength(MAX_URL_CHARS));
/** Sent by the selection toolbar, the context menu and the "check-claim" command (issue 5 builds those). */
export const CsBgCheckClaim = v.object({
  type: v.literal('cs-bg-check-claim'),
  text: ClaimText,
  pageUrl: PageUrl,
  pageTitle: v.pipe(v.string(), v.maxLength(MAX_TITLE_CHARS)),
  selectors: v.optional(v.unknown()),
});
/** The verdicts saved for the sender's own page, to draw them again. */
export const CsBgGetCheckedClaims = v.object({ type: v.literal('cs-bg-get-checked-claims') });
export const PageBgGetPendingClaim = v.object({ type: v.literal('page-bg-get-pending-claim'), tabId: v.optional(v.pipe(v.number(), v.integer())) });
export const PageBgCheckClaim = v.object({ type: v.literal('page-bg-check-claim'), text: ClaimText, pageUrl: v.optional(PageUrl) });
export const PageBgSaveCheck = v.object({ type: v.literal('page-bg-save-check'), draft: v.unknown() });
export const PageBgListChecks = v.object({ type: v.literal('page-bg-list-checks') });
export const PageBgChecksForPage = v.object({ type: v.literal('page-bg-checks-for-page'), pageUrl: PageUrl });
export const PageBgDeleteCheck = v.object({ type: v.literal('page-bg-delete-check'), id: Id });
/** Undo in the library: puts back a check as it was before a delete or an edit (validated whole by the background). */
export const PageBgRestoreCheck = v.object({ type: v.literal('page-bg-restore-check'), row: v.unknown() });
/** A claim mark's card: the verdict, note and evidence of one check on the sender's own page. */
export const CsBgGetCheckDetail = v.object({ type: v.literal('cs-bg-get-check-detail'), id: Id });
export const PageBgOpenSource = v.object({ type: v.literal('page-bg-open-source'), sourceId: Id, positionId: v.optional(Id) });
export const ChecksContentRequests = [CsBgCheckClaim, CsBgGetCheckedClaims, CsBgGetCheckDetail] as const;
export const ChecksPageRequests = [
  PageBgGetPendingClaim, PageBgCheckClaim, PageBgSaveCheck, PageBgListChecks, PageBgChecksForPage, PageBgDeleteCheck, PageBgOpenSource,
  PageBgRestoreCheck,
] as const;
export type ChecksContentRequest = Extract<ContentRequest, { type: (typeof ChecksContentRequests)[number]['entries']['type']['literal'] }>;
export type ChecksPageRequest = Extract<PageRequest, { type: (typeof ChecksPageRequests)[number]['entries']['type']['literal'] }>;
export type CsBgCheckClaim = v.InferOutput<typeof CsBgCheckClaim>;


// Issue 12 (researchers grow the record): statements found on a page, recorded into the user layer; the review
// queue of candidates files; a highlight recorded as a position. Drafts and files have their own schemas
// (core/recording) and are checked again by background/recording-service.ts.
const Offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000_000));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const StatementText = v.pipe(v.string(), v.maxLength(1_000_000));
/** The statements found on a tab's page (popup, side panel), found in the background on the page's text. */
export const PageBgPageStatements = v.object({ type: v.literal('page-bg-page-statements'), tabId: TabId });
/** One statement of that page added to the user layer, with the person's edits (checked by StatementEdits). */
export const PageBgRecordStatement = v.object({
  type: v.literal('page-bg-record-statement'), tabId: TabId, start: Offset, end: Offset, edits: v.unknown(),
  /** The statement's text as the list showed it: recording refuses when the page's text at [start, end) is no longer this. */
  text: v.optional(StatementText),
});
/** A saved highlight recorded as a position (the library's "Record as a position…"). */
export const PageBgRecordHighlight = v.object({ type: v.literal('page-bg-record-highlight'), id: Id, edits: v.unknown() });
/** Undo of a recording from these pages: removes the user-layer position it made. */
export const PageBgUnrecord = v.object({ type: v.literal('page-bg-unrecord'), positionId: Id });
/** The library's "Your record": the user layer's positions with their sources (without texts) and labels. */
export const PageBgMyRecord = v.object({ type: v.literal('page-bg-my-record') });
/** The review queue: import a candidates file (validated whole), read it, decide, undo. */
/** `replace`: the person agreed to put away the open queue's undecided candidates (asked when the import would). */
export const PageBgReviewImport = v.object({ type: v.literal('page-bg-review-import'), text: CorpusText, fileName: Id, replace: v.optional(v.boolean()) });
export const PageBgReviewState = v.object({ type: v.literal('page-bg-review-state') });
export const PageBgReviewDecide = v.object({
  type: v.literal('page-bg-review-decide'),
  ids: v.pipe(v.array(Id), v.minLength(1), v.maxLength(100_000)),
  decision: v.picklist(['accept', 'reject']),
  edits: v.optional(v.unknown()),
});
export const PageBgReviewUndo = v.object({ type: v.literal('page-bg-review-undo') });
export const PageBgReviewTarget = v.object({ type: v.literal('page-bg-review-target'), target: v.unknown() });
export const PageBgReviewClear = v.object({ type: v.literal('page-bg-review-clear') });
/** Opens the queue closed (or replaced) less than ten minutes ago again. */
export const PageBgReviewReopen = v.object({ type: v.literal('page-bg-review-reopen') });
/** The content script's empty card: this page's statements by one speaker; and adding one of them. */
export const CsBgPageStatements = v.object({ type: v.literal('cs-bg-page-statements'), entityId: Id });
export const CsBgRecordStatement = v.object({ type: v.literal('cs-bg-record-statement'), start: Offset, end: Offset, text: v.optional(StatementText) });
/** The empty card's "Undo" (audit 10 A22): removes a position this tab's card recorded a moment ago, and no other. */
export const CsBgUnrecord = v.object({ type: v.literal('cs-bg-unrecord'), positionId: Id });
/** Background → content script: the page's visible text and the metadata a source needs. */
export const BgCsPageText = v.object({ type: v.literal('bg-cs-page-text') });
const MetaText = v.pipe(v.string(), v.maxLength(MAX_META_CHARS));
/** The content script's answer to bg-cs-page-text, validated by the background as any message. */
export const PageTextReply = v.object({
  url: PageUrlText,
  canonicalUrl: v.optional(PageUrlText),
  title: PageTitle,
  lang: v.optional(v.pipe(v.string(), v.maxLength(MAX_LANG_TAG_CHARS))),
  text: v.pipe(v.string(), v.maxLength(20 * 1024 * 1024)),
  /** `<meta name|property=… content=…>`, first of each name (lower-cased). */
  meta: v.pipe(v.record(v.pipe(v.string(), v.maxLength(MAX_META_NAME_CHARS)), MetaText), v.check((m) => Object.keys(m).length <= MAX_META_TAGS, 'too many meta tags')),
  /** The text of each JSON-LD script. */
  jsonLd: v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_JSON_LD_CHARS))), v.maxLength(MAX_JSON_LD)),
  /** `<time datetime>` values in document order. */
  times: v.pipe(v.array(MetaText), v.maxLength(MAX_TIMES)),
});
export type PageTextReply = v.InferOutput<typeof PageTextReply>;
export const RecordingContentRequests = [CsBgPageStatements, CsBgRecordStatement, CsBgUnrecord] as const;
export const RecordingPageRequests = [
  PageBgPageStatements, PageBgRecordStatement, PageBgRecordHighlight, PageBgUnrecord, PageBgMyRecord, PageBgReviewImport, PageBgReviewState,
  PageBgReviewDecide, PageBgReviewUndo, PageBgReviewTarget, PageBgReviewClear, PageBgReviewReopen,
] as const;
export type RecordingContentRequest = Extract<ContentRequest, { type: (typeof RecordingContentRequests)[number]['entries']['type']['literal'] }>;
export type RecordingPageRequest = Extract<PageRequest, { type: (typeof RecordingPageRequests)[number]['entries']['type']['literal'] }>;

/** Requests the content script may send. */
export const ContentRequest = v.variant('type', [CsBgScan, CsBgGetRecord, CsBgOpenSource, CsBgGetSettings, CsBgMentionCount, ...ChecksContentRequests, ...HighlightsContentRequests, ...RecordingContentRequests]);
/** Requests only extension pages may send. */
export const PageRequest = v.variant('type', [PageBgGetSource, PageBgStatus, PageBgFindMentions, CsBgGetRecord, ...ControlPageRequests, ...ChecksPageRequests, ...HighlightsPageRequests, ...RecordingPageRequests]);

export type CsBgScan = v.InferOutput<typeof CsBgScan>;
export type CsBgGetRecord = v.InferOutput<typeof CsBgGetRecord>;
export type CsBgOpenSource = v.InferOutput<typeof CsBgOpenSource>;
export type PageBgGetSource = v.InferOutput<typeof PageBgGetSource>;
export type ContentRequest = v.InferOutput<typeof ContentRequest>;
export type PageRequest = v.InferOutput<typeof PageRequest>;

// ---- The other directions: background → content script, background → extension pages, popup → content script.
// Each receiver parses what arrives with these schemas (after checking the sender is the extension itself),
// and each message name is written here once; senders and receivers use `.entries.type.literal`.
export const BgCsSettingsChanged = v.object({ type: v.literal('bg-cs-settings-changed') });
export const BgCsCheckedClaimsChanged = v.object({ type: v.literal('bg-cs-checked-claims-changed') });
export const BgCsFocusNextMention = v.object({ type: v.literal('bg-cs-focus-next-mention') });
export const BgPageChecksChanged = v.object({ type: v.literal('bg-page-checks-changed') });
/** The settings changed (from the popup, the options page or a restore): open extension pages re-read them. */
export const BgPageSettingsChanged = v.object({ type: v.literal('bg-page-settings-changed') });
/** The install of a record moved on (or ended: null). */
export const BgPageInstallProgress = v.object({ type: v.literal('bg-page-install-progress'), progress: v.nullable(InstallProgressSchema) });
export const PopupCsGetMentions = v.object({ type: v.literal('popup-cs-get-mentions') });
export const PopupCsFocusEntity = v.object({ type: v.literal('popup-cs-focus-entity'), entityId: Id });
/** Everything a content script may receive from the extension. */
export const ToContentMessage = v.variant('type', [
  BgCsSettingsChanged, BgCsCheckedClaimsChanged, BgCsFocusNextMention, BgCsSaveSelection, BgCsCheckSelection, PopupCsGetMentions, PopupCsFocusEntity,
  BgCsActivity, BgCsHighlightsChanged, BgCsNoteEditorClosed,
]);
export type ToContentMessage = v.InferOutput<typeof ToContentMessage>;

/** The content script's reply to popup-cs-get-mentions, checked by the popup like any input. */
export const PageMentionsReply = v.object({
  site: v.optional(v.string()),
  on: v.boolean(),
  mentions: v.pipe(
    v.array(v.object({ entityId: Id, type: v.picklist(['person', 'organization', 'collective', 'place', 'event', 'topic']), count: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
    v.maxLength(100_000),
  ),
  /** This page's saved highlights: how many could not be placed, and whether the library could not be told (saved-layer.ts). */
  saved: v.optional(v.object({ unplaced: v.pipe(v.number(), v.integer(), v.minValue(0)), unreported: v.boolean() })),
});
export type PageMentionsReply = v.InferOutput<typeof PageMentionsReply>;
/** The content script's reply to popup-cs-focus-entity. */
export const FocusEntityReply = v.object({ ok: v.boolean() });

// ---- Replies, validated by whoever receives them, like requests (content/ask-background.ts, pages/ask-background.ts,
// the popup, the source page). A reply that does not read is an error in words, never a silent undefined.
const Str = v.string();
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Empty = v.object({});
/** `keptAside`: the user's own layer did not read; it is kept aside as it was and this went into a fresh one (said to the user). */
const RecordedReply = v.object({ positionId: Id, keptAside: v.optional(v.literal(true)), already: v.optional(v.literal(true)) });
const PageStatementReply = v.object({
  start: Count,
  end: Count,
  speakerId: v.nullable(Id),
  speakerName: Str,
  speakerType: EntityType,
  kind: v.picklist(['direct', 'indirect', 'mixed']),
  quote: v.nullable(Str),
  text: Str,
  topics: v.array(Id),
  date: v.nullable(v.looseObject({ from: Str, to: Str })),
  recorded: v.nullable(v.object({ positionId: Id, mine: v.boolean() })),
});
/** The answer to each request a content script sends (the envelope's `ok` is removed by the receiver first). */
export const ContentReplies = {
  // Offsets and indices are checked against the text by the reader (shared/page-scan.ts decodeFound).
  // One answer per part, in the parts' order.
  'cs-bg-scan': v.object({
    replies: v.pipe(
      v.array(
        v.object({
          found: v.array(Count),
          entities: v.array(v.object({ id: Id, type: EntityType, quiet: v.boolean() })),
          withheld: v.optional(v.boolean()),
          relevant: v.optional(v.boolean()),
          held: v.optional(Count),
          late: v.optional(
            v.pipe(
              v.array(v.object({ held: Count, found: v.array(Count), entities: v.array(v.object({ id: Id, type: EntityType, quiet: v.boolean() })) })),
              v.maxLength(MAX_HELD_TEXTS),
            ),
          ),
        }),
      ),
      v.maxLength(MAX_SCAN_PARTS),
    ),
    ctx: v.optional(ScanContext),
  }),
  // The record is built by the background from validated rows; the card checks what it draws by the entity it names.
  'cs-bg-get-record': v.object({ record: v.looseObject({ kind: v.picklist(['actor', 'topic']), entity: v.looseObject({ id: Id, label: Str, type: EntityType }) }) }),
  'cs-bg-open-source': Empty,
  'cs-bg-get-settings': v.object({
    settings: v.looseObject({ on: v.boolean(), hoverDelayMs: Count, highlightStyle: Str, enabledTypes: v.array(EntityType), hideEmptyNames: v.boolean() }),
    fingerprint: Str,
  }),
  'cs-bg-mention-count': Empty,
  'cs-bg-check-claim': v.object({ panel: v.optional(Str) }),
  // Where each checked claim is, no more; its verdict and note come one at a time when its card opens (issue 11).
  'cs-bg-get-checked-claims': v.object({ checks: v.array(v.object({ id: Id, selectors: v.optional(ClaimSelectors) })) }),
  'cs-bg-get-check-detail': CheckCardReply,
  'cs-bg-highlight-save': v.object({ highlight: SavedHighlightSchema }),
  'cs-bg-highlights-for-page': v.object({ highlights: v.array(SavedHighlightSchema), focusId: v.optional(Id) }),
  'cs-bg-highlights-anchored': Empty,
  'cs-bg-note-editor-open': v.object({ opened: v.picklist(['window', 'tab']) }),
  'cs-bg-page-statements': v.object({ statements: v.array(PageStatementReply) }),
  'cs-bg-record-statement': RecordedReply,
  'cs-bg-unrecord': Empty,
} satisfies Record<ContentRequest['type'], v.GenericSchema>;
export type ContentReply<K extends ContentRequest['type']> = v.InferOutput<(typeof ContentReplies)[K]>;

const CorpusRowReply = v.looseObject({ id: Id, title: Str, version: Str, origin: v.picklist(['bundled', 'imported']), enabled: v.boolean() });
// The fields the pages read of settings, checks, statements, the user layer and the review queue: each checked for
// its type, so a page never renders a field that is not what it expects (extra fields pass; services check them).
const SettingsReply = v.object({ settings: Settings });
const DateRangeReply = v.looseObject({ from: Str, to: Str });
const ClaimCheckReply = v.looseObject({
  claim: Str, truncated: v.boolean(), empty: v.nullable(Str), actors: v.array(v.looseObject({ id: Id })), topics: v.array(v.looseObject({ id: Id })),
  results: v.array(v.looseObject({})), otherSide: v.array(v.looseObject({})), labels: v.record(Str, Str), suggestion: v.looseObject({}),
  comparison: v.optional(
    v.array(
      v.object({
        aspect: v.picklist(['polarity', 'modality', 'condition', 'roles']), conceptId: v.nullable(Str),
        claim: v.nullable(v.picklist([1, -1])), record: v.nullable(v.picklist([1, -1])), claimActor: v.optional(Str), recordActor: v.optional(Str),
      }),
    ),
  ),
});
/**
 * A stored check as the pages read it: the fields they use, each of its type. Looser than CheckRowSchema on purpose:
 * a row stored before a rule existed (a page address that is not http) must not make the whole list unreadable; the
 * pages link only to http(s) addresses (core/schema/http-url.ts safeHref).
 */
const CheckRowReply = v.looseObject({
  id: Id, claim: Str, pageUrl: Str, pageTitle: Str, verdict: v.picklist(VERDICTS), note: Str, positionIds: v.array(Id), actorIds: v.array(Id),
  topicIds: v.array(Id), speakerId: v.optional(Id), site: Str, createdAt: v.number(), updatedAt: v.number(), selectors: v.optional(ClaimSelectors),
  evidence: v.optional(v.array(PositionSummarySchema)),
});
const CheckReply = v.object({ check: CheckRowReply });
const PageSourceReply = v.looseObject({ url: Str, title: Str, outlet: Str, language: Str, published: v.nullable(DateRangeReply) });
const StatementsReply = v.object({ page: PageSourceReply, statements: v.array(PageStatementReply), entities: v.record(Id, v.looseObject({ label: Str, type: EntityType })) });
const ReviewStateReply = v.object({
  state: v.object({
    fileName: v.nullable(Str),
    canUndo: v.boolean(),
    items: v.array(v.looseObject({
      id: Id, actorId: Id, actorLabel: Str, newActor: v.boolean(), quote: v.optional(Str), paraphrase: v.optional(Str), stance: Str,
      date: DateRangeReply, topics: v.array(v.object({ id: Id, label: Str })), source: v.looseObject({ title: Str, outlet: Str, url: v.optional(Str) }),
      context: v.tuple([Str, Str, Str]), evidence: v.optional(Str), decision: v.picklist(['pending', 'accepted', 'rejected']), held: v.optional(v.picklist(['mine', 'record'])),
    })),
    target: v.variant('kind', [v.object({ kind: v.literal('layer') }), v.object({ kind: v.literal('corpus'), id: Id, title: Str })]),
    corpora: v.array(v.object({ id: Id, title: Str })),
    closed: v.nullable(v.object({ fileName: Str, undecided: v.number(), until: v.number() })),
  }),
});
/** Every unreadable copy of the user's own layer (user-layer.ts DamagedCopy). */
const Damaged = v.array(v.object({ key: Id, foundAt: v.string(), problem: Str, inPlace: v.boolean() }));
/** The answer to every request an extension page may send (the meta-test in background/replies.test.ts checks none is missing). */
export const PageReplies = {
  'page-bg-status': v.object({ fingerprint: Str, counts: v.object({ sources: Count, entities: Count, positions: Count }) }),
  'page-bg-find-mentions': FoundMentionsReply,
  'cs-bg-get-record': ContentReplies['cs-bg-get-record'],
  'page-bg-highlight-open': Empty,
  // Settings and the per-site switch.
  'page-bg-get-settings': SettingsReply,
  'page-bg-update-settings': SettingsReply,
  'page-bg-set-site': SettingsReply,
  // The user layer.
  'page-bg-list-entities': v.object({
    list: v.array(v.object({ id: Id, label: Str, type: EntityType, aliases: v.array(v.looseObject({ text: Str })), userAliases: v.array(Str) })),
    userPositions: v.array(v.object({ id: Id, actor: Id, stance: Str })),
    damaged: Damaged,
  }),
  'page-bg-add-alias': Empty,
  'page-bg-remove-alias': Empty,
  'page-bg-add-position': v.object({ position: v.looseObject({ id: Id, actor: Id, source: Id }) }),
  'page-bg-remove-position': Empty,
  'page-bg-damaged-user-layer': v.object({ damaged: v.nullable(v.looseObject({ foundAt: Str, problem: Str })) }),
  'page-bg-dismiss-damaged-user-layer': Empty,
  // Checks (issue 6).
  'page-bg-get-pending-claim': v.object({
    pending: v.nullable(v.looseObject({ tabId: Count, text: Str, pageUrl: Str, pageTitle: Str, selectors: v.optional(ClaimSelectors), at: v.number() })),
  }),
  'page-bg-check-claim': v.object({ check: ClaimCheckReply }),
  'page-bg-save-check': CheckReply,
  'page-bg-restore-check': CheckReply,
  'page-bg-list-checks': v.object({ checks: v.array(CheckRowReply), labels: v.record(Str, Str), positions: v.record(Str, PositionSummarySchema), types: v.optional(v.record(Str, Str)) }),
  'page-bg-checks-for-page': v.object({ checks: v.array(CheckRowReply) }),
  'page-bg-delete-check': Empty,
  'page-bg-open-source': Empty,
  // Recording and the review queue (issue 12).
  'page-bg-page-statements': StatementsReply,
  'page-bg-record-statement': RecordedReply,
  'page-bg-record-highlight': RecordedReply,
  'page-bg-unrecord': Empty,
  'page-bg-my-record': v.object({ positions: v.array(v.looseObject({ id: Id, actor: Id, source: Id })), sources: v.array(v.looseObject({ id: Id, title: Str })), labels: v.record(Str, Str) }),
  'page-bg-review-import': v.union([ReviewStateReply, v.object({ confirm: v.object({ replacing: Str, undecided: v.number() }) })]),
  'page-bg-review-state': ReviewStateReply,
  'page-bg-review-decide': ReviewStateReply,
  'page-bg-review-undo': ReviewStateReply,
  'page-bg-review-target': ReviewStateReply,
  'page-bg-review-clear': ReviewStateReply,
  'page-bg-review-reopen': ReviewStateReply,
  'page-bg-note-load': v.object({ highlight: SavedHighlightSchema, tags: v.array(Str) }),
  'page-bg-note-save': v.object({ highlight: SavedHighlightSchema }),
  'page-bg-note-delete': Empty,
  'page-bg-list-corpora': v.object({
    corpora: v.array(v.looseObject({ ...CorpusRowReply.entries, counts: v.object({ sources: Count, entities: Count, positions: Count }) })),
    bundledId: Id,
  }),
  'page-bg-export-corpus': v.object({ corpus: v.nullable(v.looseObject({ id: Id, title: Str, version: Str })) }),
  'page-bg-preview-corpus-import': v.object({ plan: v.looseObject({ fileName: Str, id: Str, title: Str, version: Str, warnings: v.array(Str), refusals: v.array(Str), diff: v.looseObject({}) }) }),
  'page-bg-import-corpus': v.object({ corpus: CorpusRowReply }),
  'page-bg-discard-bundled-edits': Empty,
  'page-bg-import-undo-offer': v.object({ undo: v.nullable(v.object({ fileName: v.string(), until: v.number() })) }),
  'page-bg-undo-corpus-import': v.object({ fileName: v.string() }),
  'page-bg-remove-corpus': Empty,
  'page-bg-enable-corpus': Empty,
  'page-bg-install-progress': v.object({ progress: v.nullable(InstallProgressSchema) }),
  'page-bg-backup': v.object({ backup: v.looseObject({ format: Str, highlights: v.array(v.unknown()), checks: v.array(v.unknown()), corpora: v.array(v.unknown()) }) }),
  'page-bg-restore-preview': v.union([
    v.object({ preview: v.looseObject({ createdAt: Str, current: v.looseObject({}), incoming: v.looseObject({}) }) }),
    v.object({ refusal: v.looseObject({ kind: Str }) }),
  ]),
  'page-bg-restore': v.object({ restored: v.object({ highlights: Count, checks: Count, corpora: Count }) }),
  'page-bg-get-source': v.object({ source: v.looseObject({ id: Id, title: Str }), text: Str, positions: v.array(v.looseObject({ id: Id })), entities: v.record(Id, v.looseObject({ id: Id, label: Str })) }),
} satisfies Record<PageRequest['type'], v.GenericSchema>;

/** Checks a reply against its request's schema; the problem in words when it does not read. */
export function readReply<T>(type: string, schema: v.GenericSchema | undefined, reply: object): { value: T } | { problem: string } {
  if (!schema) return { value: reply as T };
  const { ok: _ok, ...body } = reply as { ok?: unknown };
  const parsed = v.safeParse(schema, body);
  if (parsed.success) return { value: { ...(reply as object), ...(parsed.output as object) } as T };
  const issue = parsed.issues[0];
  return { problem: `${type}: the answer from OnRecord's background did not read (${v.getDotPath(issue) ?? 'the reply'}: ${issue.message})` };
}

/** The message name of a schema, for senders: `{ type: messageType(BgCsSettingsChanged) }`. */
export function messageType<T extends string>(schema: { entries: { type: { literal: T } } }): T {
  return schema.entries.type.literal;
}

/** Every reply has this envelope, so a failure reaches the caller as a message, not a silent undefined. */
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };
