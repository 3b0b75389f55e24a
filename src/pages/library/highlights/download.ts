/** "onrecord-highlights-2024-05-01" */
export function exportBaseName(now = new Date()): string {
  return `onrecord-highlights-${now.toISOString().slice(0, 10)}`;
}
