/** Saving data as a file the browser downloads (pictures, scenario and lesson files). */

/** Saves `blob` as a download called `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started reading the blob by the next task.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}
