import {
  BLOCK_SEPARATOR,
  CELL_SEPARATOR,
  SEPARATOR_BLOCK,
  SEPARATOR_NONE,
  type SeparatorKind,
} from './element-rules.ts';
import type { PageText, TextSegment } from './types.ts';

/** Whitespace that HTML rendering collapses (not U+00A0, which is visible spacing). */
const COLLAPSIBLE_WHITESPACE = /^[ \t\n\r\f]*$/;

/**
 * Accumulates text-node data and separators into one string with an array
 * join. Raw node characters are kept as they are, so string offsets map 1:1
 * to node offsets; only separators are synthetic. A separator is written
 * lazily, before the next text, so runs of block boundaries collapse into one
 * and the string neither starts nor ends with one.
 */
export interface TextCheckpoint {
  readonly parts: number;
  readonly segments: number;
  readonly length: number;
  readonly pending: SeparatorKind;
}

export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private length = 0;
  private pending: SeparatorKind = SEPARATOR_NONE;

  /** Records a boundary; the strongest one since the last text wins. */
  breakWith(kind: SeparatorKind): void {
    if (kind > this.pending) this.pending = kind;
  }

  /** The state to come back to with rollback(): everything written after it is dropped. */
  checkpoint(): TextCheckpoint {
    return { parts: this.parts.length, segments: this.segments.length, length: this.length, pending: this.pending };
  }

  rollback(c: TextCheckpoint): void {
    this.parts.length = c.parts;
    this.segments.length = c.segments;
    this.length = c.length;
    this.pending = c.pending;
  }

  /** Characters written so far (text and separators). */
  get size(): number {
    return this.length;
  }

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const atLineStart = this.pending !== SEPARATOR_NONE || this.length === 0;
    // Indentation between blocks renders as nothing: leave it out of the map.
    if (atLineStart && COLLAPSIBLE_WHITESPACE.test(data)) return;
    if (this.pending !== SEPARATOR_NONE) {
      if (this.length > 0) {
        this.parts.push(this.pending === SEPARATOR_BLOCK ? BLOCK_SEPARATOR : CELL_SEPARATOR);
        this.length += 1;
      }
      this.pending = SEPARATOR_NONE;
    }
    this.segments.push({ start: this.length, end: this.length + data.length, node });
    this.parts.push(data);
    this.length += data.length;
  }

  finish(): PageText {
    return { text: this.parts.join(''), segments: this.segments };
  }
}
