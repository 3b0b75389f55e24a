/**
 * Saves text as a file through the browser's download of a blob URL (no "downloads" permission needed).
 * The one download helper of the extension pages.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: the click has started the download by then (it holds its own reference).
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A value as a pretty-printed JSON file. */
export function downloadJson(fileName: string, value: unknown): void {
  downloadText(fileName, JSON.stringify(value, null, 2), 'application/json');
}
