/** `onrecord check` as a user runs it: claims on standard input or in a file, one JSON line per claim. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createClaimChecker } from '../../src/core/claims/index.ts';
import { BUNDLED_CONCEPTS, createConceptLexicon } from '../../src/core/concepts/index.ts';
import { parseCorpusShape } from '../../src/core/corpus/schema.ts';
import { compileMatcher } from '../../src/core/match/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/onrecord.mjs');
const dir = mkdtempSync(join(tmpdir(), 'onrecord-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seed = parseCorpusShape(JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')));
const inProcess = createClaimChecker(seed, compileMatcher(seed.entities), createConceptLexicon(BUNDLED_CONCEPTS));

function run(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile('node', [BIN, ...args], { cwd: dir }, (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    child.stdin!.end(input ?? '');
  });
}

describe('onrecord check', () => {
  it('checks each line of standard input: speaker, ranked results, other side apart, suggested verdict with evidence', async () => {
    const input = [
      '“We are still ready for negotiations,” Kremlin spokesman Dmitry Peskov said, according to TASS.',
      '',
      JSON.stringify({ claim: 'The weather in Kyiv was sunny on Tuesday.' }),
      'Песков заявил, что Москва в любой момент готова урегулировать конфликт с Киевом дипломатическим путем.',
    ].join('\n');
    const r = await run(['check'], input);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.line)).toEqual([1, 3, 4]);
    const [tass, weather, russian] = lines;
    expect(tass.attribution).toMatchObject({ speakerId: 'dmitry-peskov', sourceId: 'tass', content: 'We are still ready for negotiations', polarity: 1 });
    expect(tass.claim.slice(tass.attribution.contentStart, tass.attribution.contentEnd)).toBe(tass.attribution.content);
    expect(tass.results[0]).toMatchObject({ positionId: 'p-003-10' });
    expect(tass.results[0].reasons.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['concepts', 'speaker']));
    expect(tass.otherSide.length).toBeGreaterThan(0);
    expect(tass.suggestedVerdict).toMatchObject({ verdict: 'consistent', evidence: { reason: 'speaker-match', speakerId: 'dmitry-peskov' } });
    expect(tass.suggestedVerdict.evidence.positionIds[0]).toBe('p-003-10');
    expect(weather).toMatchObject({ attribution: null, results: [], suggestedVerdict: { verdict: 'not-in-record' } });
    expect(russian.results[0].positionId).toBe('p-003-01');
  });

  it('reads a file, names lines that are not claims on stderr, checks the rest and exits 1', async () => {
    const file = join(dir, 'claims.txt');
    writeFileSync(file, '{"claim": 42}\nPeskov said Russia will never negotiate with Kyiv.\n');
    const r = await run(['check', '--format', 'jsonl', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('claims.txt:1: not a claim');
    const [line] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(line.suggestedVerdict.verdict).toBe('contradicts');
    expect(line.suggestedVerdict.evidence.polarity).toMatchObject({ claim: -1, record: 1 });
  });

  it('gives the side panel\'s comparison (polarity, modality, condition, roles), the same rows as the checker in process', async () => {
    const claims = ['Peskov said Russia will never negotiate with Kyiv.', '“We are still ready for negotiations,” Kremlin spokesman Dmitry Peskov said, according to TASS.', 'The weather in Kyiv was sunny on Tuesday.'];
    const r = await run(['check'], claims.join('\n'));
    expect(r.code).toBe(0);
    const [never, ready, weather] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(never.comparison.map((x: { aspect: string }) => x.aspect)).toEqual(['polarity', 'modality', 'condition', 'roles']);
    // Refusal against the record's readiness: the modality row says so, with the concept's label.
    expect(never.comparison[1]).toMatchObject({ aspect: 'modality', claim: -1, record: 1 });
    expect(typeof never.comparison[1].conceptLabel).toBe('string');
    expect(ready.comparison[1]).toMatchObject({ aspect: 'modality', conceptId: 'readiness-to-negotiate', conceptLabel: 'Readiness to negotiate', claim: 1, record: 1 });
    expect(weather.comparison).toEqual([]);
    // Same code as the side panel: the rows are ClaimCheck.comparison, with labels added.
    for (const [i, line] of [never, ready].entries()) {
      const rows = inProcess.check(claims[i]!).comparison ?? [];
      expect(line.comparison.map(({ conceptLabel: _, ...row }: { conceptLabel: unknown }) => row)).toEqual(JSON.parse(JSON.stringify(rows)));
    }
  });

  it('marks positions from the claim\'s own page ("url") and does not let them decide (audit A30); a bad url is named', async () => {
    const corpus = JSON.parse(readFileSync(join(ROOT, 'corpus/seed.json'), 'utf8')) as { sources: { id: string; url?: string }[] };
    for (const s of corpus.sources) s.url = `https://news.example.org/${s.id}`;
    // The source texts are read beside the corpus file, from its seeds/ folder.
    symlinkSync(join(ROOT, 'corpus/seeds'), join(dir, 'seeds'));
    writeFileSync(join(dir, 'with-urls.json'), JSON.stringify(corpus));
    const claim = 'Peskov said Kyiv withdrew from the talks in spring 2022.';
    const input = [JSON.stringify({ claim, url: 'https://www.news.example.org/seed-003/#top' }), JSON.stringify({ claim, url: 'https://news.example.org/seed-000' }), JSON.stringify({ claim, url: 'file:///x' })].join('\n');
    const r = await run(['check', '--corpus', 'with-urls.json'], input);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(':3: not a claim: "url" must be an http or https address');
    const [here, elsewhere] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(here.results.find((x: { positionId: string }) => x.positionId === 'p-003-02').samePage).toBe(true);
    expect(here.suggestedVerdict.verdict).toBe('not-in-record');
    expect(here.suggestedVerdict.evidence.reason).toBe('same-page-only');
    expect(elsewhere.suggestedVerdict.verdict).toBe('consistent');
    expect(elsewhere.results.some((x: { samePage?: boolean }) => x.samePage)).toBe(false);
  });

  it('refuses an unknown format and a missing file with usage errors', async () => {
    expect((await run(['check', '--format', 'csv'])).code).toBe(2);
    const missing = await run(['check', 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
