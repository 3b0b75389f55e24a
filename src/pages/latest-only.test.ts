import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

/** A read whose replies the test releases in any order. */
function controlledReads() {
  const pending: { value: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  let n = 0;
  const read = () =>
    new Promise<string>((resolve, reject) => {
      pending.push({ value: `reply ${++n}`, resolve, reject });
    });
  return { read, pending };
}

describe('latestOnly', () => {
  it('applies only the newest reply when an older one arrives last', async () => {
    const { read, pending } = controlledReads();
    const applied: string[] = [];
    const reload = latestOnly(read, (v) => applied.push(v), () => applied.push('failed'));
    const first = reload();
    const second = reload();
    pending[1]!.resolve(pending[1]!.value);
    await second;
    pending[0]!.resolve(pending[0]!.value);
    await first;
    expect(applied).toEqual(['reply 2']);
  });

  it('in order, every reply is applied; an older failure is dropped, the newest one is reported', async () => {
    const { read, pending } = controlledReads();
    const applied: string[] = [];
    const reload = latestOnly(read, (v) => applied.push(v), (e) => applied.push(`failed: ${(e as Error).message}`));
    const a = reload();
    pending[0]!.resolve(pending[0]!.value);
    await a;
    const b = reload();
    const c = reload();
    pending[1]!.reject(new Error('old'));
    pending[2]!.reject(new Error('new'));
    await Promise.all([b, c]);
    expect(applied).toEqual(['reply 1', 'failed: new']);
  });
});
