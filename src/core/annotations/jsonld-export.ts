/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * the JSON-LD that Hypothesis, Recogito and most annotation tools read.
 * Each highlight is an Annotation: motivation "highlighting", plus
 * "commenting" with a note and "tagging" with tags; the note and each tag are
 * TextualBody bodies with that purpose; the entities the quote mentions are
 * "identifying" bodies. The target is the page with a TextQuoteSelector and a
 * TextPositionSelector. What the model has no term for (colour, page title,
 * canonical URL) is under the `onrecord:` prefix, which JSON-LD reads as an
 * absolute IRI and other tools ignore.
 */
import type { SavedHighlight } from './model.ts';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ENTITY_URN_PREFIX = 'urn:onrecord:entity:';
export const UUID_URN_PREFIX = 'urn:uuid:';
export const EXTENSION_TERMS = { color: 'onrecord:color', title: 'onrecord:title', canonical: 'onrecord:canonical' } as const;

export type Motivation = 'highlighting' | 'commenting' | 'tagging';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface EntityBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: string;
}

export interface WebAnnotation {
  '@context'?: string;
  id: string;
  type: 'Annotation';
  motivation: Motivation | Motivation[];
  created: string;
  modified: string;
  body?: Array<TextualBody | EntityBody>;
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
    'onrecord:title'?: string;
    'onrecord:canonical'?: string;
  };
  'onrecord:color': string;
}

export interface AnnotationCollection {
  '@context': string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** Ids are UUIDs, written as URNs; an id that is already an IRI (from an imported file) is kept as is. */
export function annotationId(id: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : `${UUID_URN_PREFIX}${id}`;
}

export function toWebAnnotation(h: SavedHighlight, withContext = false): WebAnnotation {
  const motivation: Motivation[] = ['highlighting'];
  const body: Array<TextualBody | EntityBody> = [];
  if (h.note !== '') {
    motivation.push('commenting');
    body.push({ type: 'TextualBody', purpose: 'commenting', value: h.note, format: 'text/plain' });
  }
  if (h.tags.length > 0) {
    motivation.push('tagging');
    for (const tag of h.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  }
  for (const entityId of h.entityIds) body.push({ type: 'SpecificResource', purpose: 'identifying', source: `${ENTITY_URN_PREFIX}${entityId}` });
  const { quote, position } = h.selectors;
  return {
    ...(withContext ? { '@context': ANNO_CONTEXT } : {}),
    id: annotationId(h.id),
    type: 'Annotation',
    motivation: motivation.length === 1 ? 'highlighting' : motivation,
    created: new Date(h.createdAt).toISOString(),
    modified: new Date(h.updatedAt).toISOString(),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: h.pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
      ...(h.pageTitle !== '' ? { 'onrecord:title': h.pageTitle } : {}),
      ...(h.canonicalUrl ? { 'onrecord:canonical': h.canonicalUrl } : {}),
    },
    'onrecord:color': h.color,
  };
}

/** One collection holding every highlight, in the order given. */
export function toAnnotationCollection(highlights: readonly SavedHighlight[], now = new Date()): AnnotationCollection {
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: 'OnRecord highlights',
    total: highlights.length,
    generator: { type: 'Software', name: 'OnRecord' },
    generated: now.toISOString(),
    first: { type: 'AnnotationPage', startIndex: 0, items: highlights.map((h) => toWebAnnotation(h)) },
  };
}

/** The collection as a file's text: pretty-printed, so diffs and eyes can read it. */
export function exportJsonLd(highlights: readonly SavedHighlight[], now = new Date()): string {
  return `${JSON.stringify(toAnnotationCollection(highlights, now), null, 2)}\n`;
}
