import { describe, expect, it } from 'vitest';
import { sourcePagePath } from '../../shared/source-page-path.ts';
import { readLocation, withPosition } from './url-state.ts';

describe('source page address', () => {
  it('reads the source and position', () => {
    expect(readLocation('?source=src-a&position=p-1')).toEqual({ sourceId: 'src-a', positionId: 'p-1' });
    expect(readLocation('')).toEqual({ sourceId: null, positionId: null });
  });

  it('replaces the position and round-trips the path the popover links to', () => {
    const href = `chrome-extension://abc/${sourcePagePath('src-a', 'p-1')}`;
    expect(href).toBe('chrome-extension://abc/src/pages/source/index.html?source=src-a&position=p-1');
    const next = withPosition(href, 'p-2');
    expect(readLocation(new URL(next).search)).toEqual({ sourceId: 'src-a', positionId: 'p-2' });
  });
});
