/** The page's address: `index.html?source=<sourceId>&position=<positionId>`. */

export interface SourceLocation {
  sourceId: string | null;
  positionId: string | null;
}

export function readLocation(search: string): SourceLocation {
  const params = new URLSearchParams(search);
  return { sourceId: params.get('source') || null, positionId: params.get('position') || null };
}

/** The same address with `position` replaced, for history.replaceState. */
export function withPosition(href: string, positionId: string): string {
  const url = new URL(href);
  url.searchParams.set('position', positionId);
  return url.toString();
}
