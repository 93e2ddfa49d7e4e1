/**
 * Saves a Blob as a file through the browser's download: a same-origin `blob:` URL on an
 * `<a download>` that is clicked and removed (no request leaves the page).
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the Blob by the next turns of the event loop; then let it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
