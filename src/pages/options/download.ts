/** Saves text as a file through the browser's download of a blob URL (no "downloads" permission needed). */
export function downloadJson(fileName: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // Revoked after the click has been handled: the download holds its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
