import {
  BLOCK_SEPARATOR,
  CELL_SEPARATOR,
  SEPARATOR_BLOCK,
  SEPARATOR_NONE,
  type SeparatorKind,
} from './element-rules.ts';
import type { PageText } from './types.ts';

/** Whether `data` is only whitespace that HTML rendering collapses (not U+00A0, which is visible spacing). */
function collapsible(data: string): boolean {
  // A loop, not a RegExp: it runs for every text node at a line start, and most of those start with a letter.
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) return false;
  }
  return true;
}

/**
 * Accumulates text-node data and separators into one string with an array
 * join. Raw node characters are kept as they are, so string offsets map 1:1
 * to node offsets; only separators are synthetic. A separator is written
 * lazily, before the next text, so runs of block boundaries collapse into one
 * and the string neither starts nor ends with one.
 */
export interface TextCheckpoint {
  readonly parts: number;
  readonly nodes: number;
  readonly length: number;
  readonly pending: SeparatorKind;
}

export class TextBuilder {
  private readonly parts: string[] = [];
  // The map back to the nodes, flat: no object per text node (see PageText).
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private length = 0;
  private pending: SeparatorKind = SEPARATOR_NONE;

  /** Records a boundary; the strongest one since the last text wins. */
  breakWith(kind: SeparatorKind): void {
    if (kind > this.pending) this.pending = kind;
  }

  /** The state to come back to with rollback(): everything written after it is dropped. */
  checkpoint(): TextCheckpoint {
    return { parts: this.parts.length, nodes: this.nodes.length, length: this.length, pending: this.pending };
  }

  rollback(c: TextCheckpoint): void {
    this.parts.length = c.parts;
    this.nodes.length = c.nodes;
    this.starts.length = c.nodes;
    this.ends.length = c.nodes;
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
    if (atLineStart && collapsible(data)) return;
    if (this.pending !== SEPARATOR_NONE) {
      if (this.length > 0) {
        this.parts.push(this.pending === SEPARATOR_BLOCK ? BLOCK_SEPARATOR : CELL_SEPARATOR);
        this.length += 1;
      }
      this.pending = SEPARATOR_NONE;
    }
    this.nodes.push(node);
    this.starts.push(this.length);
    this.ends.push(this.length + data.length);
    this.parts.push(data);
    this.length += data.length;
  }

  finish(): PageText {
    return { text: this.parts.join(''), nodes: this.nodes, starts: this.starts, ends: this.ends };
  }
}
