/** Saves text or bytes as a file through the browser's download of a blob URL (no network involved). */
export function saveFile(name: string, data: string | Uint8Array, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
