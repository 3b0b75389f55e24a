import { describe, expect, it } from 'vitest';
import { layoutTimeline } from './timeline-scale.ts';

describe('layoutTimeline', () => {
  it('spans whole years with one tick per year and keeps marks in order inside the padding', () => {
    const layout = layoutTimeline(
      [
        { positionId: 'a', from: '2022-03-01', to: '2022-03-31', precision: 'month' },
        { positionId: 'b', from: '2023-07-20', to: '2023-07-20', precision: 'day' },
      ],
      260,
      4,
    );
    expect(layout.ticks.map((t) => t.year)).toEqual([2022, 2023]);
    expect(layout.ticks[0]!.x).toBeCloseTo(4);
    expect(layout.ticks[1]!.x).toBeCloseTo(4 + 252 * (365 / 730));
    const [a, b] = layout.marks;
    expect(a!.x).toBeGreaterThan(4);
    expect(b!.x).toBeGreaterThan(a!.x + a!.width);
    expect(b!.x + b!.width).toBeLessThanOrEqual(256);
    // A month is wider than a day.
    expect(a!.width).toBeGreaterThan(b!.width * 20);
  });

  it('is empty without marks', () => {
    expect(layoutTimeline([], 260)).toEqual({ marks: [], ticks: [] });
  });
});
