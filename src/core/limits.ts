/**
 * Bounds on page-supplied strings, written once: what a content script reads from a page, the messages that carry
 * it, and the records that store it all cut or refuse at the same lengths, so a value one part accepts is never
 * refused by the next.
 */

/** A page's address: far above any real URL (browsers and servers commonly stop near 8 KB), bounded so a page cannot make us carry megabytes. */
export const MAX_URL_CHARS = 8_192;
/** A page's title: more than any headline; a title longer than this is page junk, not a title. */
export const MAX_TITLE_CHARS = 1_000;
/** A meta tag's name (property, name or itemprop): real names are a few dozen characters. */
export const MAX_META_NAME_CHARS = 200;
/** A language tag: BCP 47 tags in practice fit in 35 characters (RFC 5646, section 4.4.1). */
export const MAX_LANG_TAG_CHARS = 35;
/** How many meta tags a page's metadata keeps (first of each name): news pages carry a few dozen. */
export const MAX_META_TAGS = 500;
/** A meta tag's or `<time datetime>`'s value: a description or a date, never a document. */
export const MAX_META_CHARS = 4_000;
/** How many JSON-LD scripts are read: a page's article, breadcrumbs and organisation, with room to spare. */
export const MAX_JSON_LD = 20;
/** One JSON-LD script's text: an article's with its body inlined fits; more is not metadata. */
export const MAX_JSON_LD_CHARS = 200_000;
/** How many `<time datetime>` values are kept, in document order (the first ones date the article). */
export const MAX_TIMES = 50;
