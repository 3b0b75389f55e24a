import { describe, expect, it } from 'vitest';
import { InstallProgress, PROGRESS_INTERVAL_MS } from './install-progress.ts';
import type { InstallProgressState } from '../shared/messages.ts';

function reporter() {
  const sent: (InstallProgressState | null)[] = [];
  let now = 1_000;
  const progress = new InstallProgress((s) => sent.push(s), () => now);
  return { sent, progress, tick: (ms: number) => (now += ms) };
}

describe('install progress', () => {
  it('reports each phase at once, fractions of the whole that only grow, at most one per interval within a phase, and null at the end', async () => {
    const { sent, progress, tick } = reporter();
    await progress.run('big.json', async () => {
      expect(progress.current).toEqual({ title: 'big.json', phase: 'reading', fraction: 0 });
      progress.phase('writing');
      progress.phase('writing', 0.5); // within the interval: kept, not sent
      expect(progress.current?.fraction).toBeCloseTo(0.625);
      tick(PROGRESS_INTERVAL_MS);
      progress.phase('writing', 0.6);
      progress.phase('writing', 0.1); // never backwards
      expect(progress.current?.fraction).toBeCloseTo(0.67);
      progress.phase('compiling');
    });
    expect(sent.map((s) => s && [s.phase, Number(s.fraction.toFixed(3))])).toEqual([
      ['reading', 0],
      ['writing', 0.4],
      ['writing', 0.67],
      ['compiling', 0.85],
      null,
    ]);
    expect(progress.current).toBeNull();
  });

  it('a nested run (the record reload inside an import) is part of the outer install, and a failure still ends it', async () => {
    const { sent, progress } = reporter();
    await expect(
      progress.run('file.json', async () => {
        await progress.run('reload', async () => progress.phase('compiling'));
        expect(progress.current?.title).toBe('file.json');
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(sent.at(-1)).toBeNull();
    expect(sent.filter((s) => s === null)).toHaveLength(1);
  });

  it('reports nothing outside an install (a reload of the record after a setting changed)', () => {
    const { sent, progress } = reporter();
    progress.phase('compiling');
    expect(sent).toEqual([]);
    expect(progress.current).toBeNull();
  });
});
