/** The relative link the popover's "Source passage" uses, from the extension root. */
export function sourcePagePath(sourceId: string, positionId?: string): string {
  const params = new URLSearchParams({ source: sourceId, ...(positionId ? { position: positionId } : {}) });
  return `src/pages/source/index.html?${params}`;
}
