/**
 * Verifies the statement-extraction evaluation set itself — not any
 * extractor: every span's text equals the text at its offsets, spans are
 * ordered and inside the text, speaker ids exist in corpus/seed.json, the
 * split rule, and per-language counts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/corpus/schema.ts';
import { BLIND_BATCHES, EXTRACTION_SET_DIR, loadBlindBatch, loadExtractionSet, type ExtractionCase, type GoldStatement } from './load.ts';

const corpus = JSON.parse(readFileSync(new URL('../../corpus/seed.json', import.meta.url), 'utf8')) as Corpus;
const entityIds = new Set(corpus.entities.map((e) => e.id));
const docs = loadExtractionSet();
const blind = BLIND_BATCHES.flatMap((b) => loadBlindBatch(b));
/** The statement checks hold for the main set and for every blind batch. */
const checked = [...docs, ...blind];
const LANGS = ['en', 'ru', 'uk', 'de'] as const;
const ORIGINS = ['seed', 'realpage', 'written'] as const;
const QUOTE_MARKS = /["“”«»„‚‘’'‹›]/u;

function spanOf(s: GoldStatement, which: 'speaker' | 'cue' | 'content'): [number, number] | null {
  if (which === 'content') return [s.start, s.end];
  const a = which === 'speaker' ? s.speakerStart : s.cueStart;
  const b = which === 'speaker' ? s.speakerEnd : s.cueEnd;
  return a === null || b === null ? null : [a, b];
}

const where = (d: ExtractionCase, i: number) => `${d.doc} statement ${i} (${JSON.stringify(d.statements[i]!.contentText.slice(0, 50))})`;

describe('extraction set: documents', () => {
  it('has gold files whose names, languages, origins and texts are consistent', () => {
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      expect(Object.keys(d).sort(), d.doc).toEqual(['doc', 'htmlFile', 'lang', 'origin', 'split', 'statements', 'text', 'textFile']);
      expect(LANGS, d.doc).toContain(d.lang);
      expect(ORIGINS, d.doc).toContain(d.origin);
      expect(['dev', 'test'], d.doc).toContain(d.split);
      expect(d.textFile.startsWith(({ seed: 'seeds/', realpage: 'realpages/', written: 'written/' } as Record<string, string>)[d.origin] ?? '\0'), d.doc).toBe(true);
      if (d.origin !== 'written') expect(d.lang, d.doc).toBe('en');
      if (d.htmlFile) expect(existsSync(new URL(d.htmlFile, EXTRACTION_SET_DIR)), `${d.doc}: ${d.htmlFile}`).toBe(true);
      expect(d.statements.length, d.doc).toBeGreaterThan(0);
    }
    expect(new Set(docs.map((d) => d.doc)).size).toBe(docs.length);
  });

  it('seed documents are the seed corpus texts, unchanged', () => {
    for (const d of docs.filter((x) => x.origin === 'seed')) {
      const source = corpus.sources.find((s) => s.id === d.doc);
      expect(source, d.doc).toBeDefined();
      expect(d.textFile, d.doc).toBe(`seeds/${source!.file}`);
      expect(d.text, d.doc).toBe(readFileSync(new URL(`../../corpus/${corpus.textDir}/${source!.file}`, import.meta.url), 'utf8'));
    }
  });
});

describe('extraction set: written articles', () => {
  it('are 300–700 words each, in English, Russian, Ukrainian or German', () => {
    for (const d of docs.filter((x) => x.origin === 'written')) {
      const words = d.text.match(/[\p{L}\p{M}]+/gu) ?? [];
      expect(words.length, d.doc).toBeGreaterThanOrEqual(300);
      expect(words.length, d.doc).toBeLessThanOrEqual(700);
      expect(['en', 'ru', 'uk', 'de'], d.doc).toContain(d.lang);
      expect(d.doc.startsWith(`${d.lang}-`), d.doc).toBe(true);
    }
  });
});

describe('extraction set: blind batches', () => {
  it('are as their writers froze them (SHA256SUMS), all test, with known languages and pages', () => {
    for (const batch of BLIND_BATCHES) {
      const dir = new URL(`${batch}/`, EXTRACTION_SET_DIR);
      const sums = readFileSync(new URL('SHA256SUMS', dir), 'utf8').split('\n').filter(Boolean);
      expect(sums.length, batch).toBeGreaterThan(0);
      for (const line of sums) {
        const [hash, file] = line.split(/\s+\*?/) as [string, string];
        expect(createHash('sha256').update(readFileSync(new URL(file.replace(/^\.\//, ''), dir))).digest('hex'), `${batch}/${file}`).toBe(hash);
      }
    }
    expect(blind.length).toBeGreaterThan(0);
    for (const d of blind) {
      expect(d.split, d.doc).toBe('test');
      expect(BLIND_BATCHES as readonly string[], d.doc).toContain(d.origin);
      expect(LANGS, d.doc).toContain(d.lang);
      if (d.htmlFile) expect(existsSync(new URL(d.htmlFile, EXTRACTION_SET_DIR)), `${d.doc}: ${d.htmlFile}`).toBe(true);
      expect(docs.some((m) => m.doc === d.doc), `${d.doc} is also in the main set`).toBe(false);
    }
  });
});

describe('extraction set: statements', () => {
  it('every *Text equals the text at its offsets', () => {
    for (const d of checked) {
      d.statements.forEach((s, i) => {
        expect(d.text.slice(s.start, s.end), where(d, i)).toBe(s.contentText);
        const sp = spanOf(s, 'speaker');
        expect(sp === null ? null : d.text.slice(...sp), where(d, i)).toBe(s.speakerText);
        const cue = spanOf(s, 'cue');
        expect(cue === null ? null : d.text.slice(...cue), where(d, i)).toBe(s.cueText);
      });
    }
  });

  it('spans are inside the text, non-empty, trimmed, and null only as a whole', () => {
    for (const d of checked) {
      d.statements.forEach((s, i) => {
        expect((s.speakerStart === null) === (s.speakerEnd === null) && (s.speakerEnd === null) === (s.speakerText === null), where(d, i)).toBe(true);
        expect((s.cueStart === null) === (s.cueEnd === null) && (s.cueEnd === null) === (s.cueText === null), where(d, i)).toBe(true);
        for (const which of ['speaker', 'cue', 'content'] as const) {
          const span = spanOf(s, which);
          if (!span) continue;
          const [a, b] = span;
          expect(Number.isInteger(a) && Number.isInteger(b), where(d, i)).toBe(true);
          expect(a >= 0 && a < b && b <= d.text.length, `${where(d, i)} ${which} ${a}-${b}`).toBe(true);
          const t = d.text.slice(a, b);
          if (which !== 'cue') expect(t.trim(), `${where(d, i)} ${which} has outer spaces`).toBe(t);
        }
      });
    }
  });

  it('statements are sorted by content start; speaker and cue never overlap; speaker and cue lie outside the content or wholly inside it (split statements)', () => {
    for (const d of checked) {
      for (let i = 1; i < d.statements.length; i++) {
        const [p, s] = [d.statements[i - 1]!, d.statements[i]!];
        expect(p.start < s.start || (p.start === s.start && p.end <= s.end), where(d, i)).toBe(true);
      }
      d.statements.forEach((s, i) => {
        const sp = spanOf(s, 'speaker');
        const cue = spanOf(s, 'cue');
        if (sp && cue) expect(sp[1] <= cue[0] || cue[1] <= sp[0], `${where(d, i)}: speaker and cue overlap`).toBe(true);
        for (const [name, span] of [['speaker', sp], ['cue', cue]] as const) {
          if (!span) continue;
          const disjoint = span[1] <= s.start || s.end <= span[0];
          const inside = s.start < span[0] && span[1] < s.end;
          expect(disjoint || inside, `${where(d, i)}: ${name} cuts the content's edge`).toBe(true);
        }
      });
    }
  });

  it('speakers are record entities or named new speakers', () => {
    for (const d of checked) {
      d.statements.forEach((s, i) => {
        if (s.speakerId !== null) expect(entityIds.has(s.speakerId), `${where(d, i)}: ${s.speakerId}`).toBe(true);
        expect(typeof s.speakerName === 'string' && s.speakerName.trim().length > 0, where(d, i)).toBe(true);
      });
    }
  });

  it('kinds and quotes agree: direct and mixed carry the quoted words, indirect none', () => {
    for (const d of checked) {
      d.statements.forEach((s, i) => {
        expect(['direct', 'indirect', 'mixed'], where(d, i)).toContain(s.kind);
        if (s.kind === 'indirect') {
          expect(s.quote, where(d, i)).toBeNull();
          return;
        }
        expect(typeof s.quote === 'string' && s.quote.length > 0, where(d, i)).toBe(true);
        expect(s.quote!.length, where(d, i)).toBeLessThanOrEqual(s.contentText.length);
        for (const word of s.quote!.split(/\s+/).filter(Boolean)) expect(s.contentText.includes(word), `${where(d, i)}: quoted word ${word}`).toBe(true);
        if (s.kind === 'mixed') expect(QUOTE_MARKS.test(s.contentText), `${where(d, i)}: mixed content without quote marks`).toBe(true);
        else expect(QUOTE_MARKS.test(d.text.slice(Math.max(0, s.start - 2), s.start)), `${where(d, i)}: direct quote without an opening mark`).toBe(true);
      });
    }
  });

  it('only continuations lack a speaker mention: such a statement follows one of the same speaker', () => {
    for (const d of checked) {
      d.statements.forEach((s, i) => {
        if (s.speakerStart !== null) return;
        const before = d.statements.filter((o) => o.end <= s.start && o.speakerName === s.speakerName);
        expect(before.length, `${where(d, i)}: continuation with no earlier statement by ${s.speakerName}`).toBeGreaterThan(0);
      });
    }
  });
});

describe('extraction set: split and counts', () => {
  it('is every 4th document of each origin × language group in name order', () => {
    const seen = new Map<string, number>();
    for (const d of [...docs].sort((a, b) => a.doc.localeCompare(b.doc))) {
      const key = `${d.origin}/${d.lang}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      expect(d.split, `${d.doc} is document ${n} of ${key}`).toBe(n % 4 === 0 ? 'test' : 'dev');
    }
  });

  it('has the documents issue 12 asks for: the five seeds, 8–12 real pages, at least 4 written articles each in ru, uk and de', () => {
    expect(docs.filter((d) => d.origin === 'seed').map((d) => d.doc).sort()).toEqual(corpus.sources.map((s) => s.id).sort());
    const realpages = docs.filter((d) => d.origin === 'realpage').length;
    expect(realpages).toBeGreaterThanOrEqual(8);
    expect(realpages).toBeLessThanOrEqual(12);
    for (const lang of ['ru', 'uk', 'de'] as const) expect(docs.filter((d) => d.origin === 'written' && d.lang === lang).length, lang).toBeGreaterThanOrEqual(4);
  });

  it('keeps a quarter of the documents as the test split, with statements in every language', () => {
    const test = docs.filter((d) => d.split === 'test');
    expect([Math.floor(docs.length / 4), Math.ceil(docs.length / 4)]).toContain(test.length);
    for (const lang of LANGS) expect(test.filter((d) => d.lang === lang).flatMap((d) => d.statements).length, lang).toBeGreaterThan(0);
  });

  it('reports statements per language, split and kind', () => {
    const rows: string[] = [];
    for (const lang of LANGS) {
      for (const split of ['dev', 'test'] as const) {
        const sts = docs.filter((d) => d.lang === lang && d.split === split).flatMap((d) => d.statements);
        const by = (k: string) => sts.filter((s) => s.kind === k).length;
        rows.push(`${lang} ${split}: ${docs.filter((d) => d.lang === lang && d.split === split).length} docs, ${sts.length} statements (direct ${by('direct')}, indirect ${by('indirect')}, mixed ${by('mixed')})`);
      }
    }
    console.log(`extraction set:\n  ${rows.join('\n  ')}`);
    expect(docs.flatMap((d) => d.statements).length).toBeGreaterThan(0);
  });
});
