/** Saves text as a file through a temporary object URL (no downloads permission needed). */
export function downloadFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click starts the download synchronously; the URL can go on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "onrecord-highlights-2024-05-01" */
export function exportBaseName(now = new Date()): string {
  return `onrecord-highlights-${now.toISOString().slice(0, 10)}`;
}
