/**
 * Audit 10 A18: an imported file's problems in the interface language, each with where it is (file:line:column or
 * file: JSON path). Runs with the English catalogue and with the Ukrainian and Russian ones.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setFallbackCatalogue, type Catalogue } from '../i18n.ts';
import { loadCorpusText } from './load.ts';
import { explainProblem } from './problem-words.ts';
import { readCandidatesFile } from '../recording/candidates.ts';

const catalogue = (lang: string) => JSON.parse(readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Catalogue;
const english = catalogue('en');
afterEach(() => setFallbackCatalogue(english));

const errorsOf = (text: string, file: string) => loadCorpusText(text, { fileName: file }).problems.filter((p) => p.severity === 'error').map(explainProblem);

describe('import problems in the interface language', () => {
  it('a truncated file: its line and column, and a Ukrainian sentence with no English in it', () => {
    setFallbackCatalogue(catalogue('uk'));
    const [line] = errorsOf('{"formatVersion": 1, "id": ', 'broken.json');
    expect(line).toBe('broken.json:1:28: файл не є коректним JSON: він обривається раніше, ніж мав би (обрізаний?)');
  });

  it('an unknown actor: its JSON path and the id, in Russian', () => {
    setFallbackCatalogue(catalogue('ru'));
    const corpus = JSON.parse(readFileSync(new URL('../../../corpus/seed.json', import.meta.url), 'utf8'));
    corpus.positions[2].actor = 'nobody-at-all';
    const lines = errorsOf(JSON.stringify(corpus), 'bad.json');
    expect(lines).toContain('bad.json: positions[2].actor: в файле нет сущности «nobody-at-all»');
    // Nothing of the validator's English sentence is left.
    expect(lines.join('\n')).not.toMatch(/unknown entity/);
  });

  it('the review queue refuses a candidates file with the same sentences', () => {
    setFallbackCatalogue(catalogue('uk'));
    expect(() => readCandidatesFile('{"formatVersion": 1, "id": ', 'broken.json', { noCandidates: 'none', noText: () => 'no text' })).toThrow(
      'broken.json:1:28: файл не є коректним JSON',
    );
  });

  it('English keeps the place first and says what is wrong', () => {
    expect(errorsOf('{"a": }', 'x.json')[0]).toMatch(/^x\.json:1:7: the file is not valid JSON at this place$/);
  });
});
