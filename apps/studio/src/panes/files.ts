import type { DragEvent } from 'react';

/** Offers `text` as a file download; no server round trip. */
export function downloadText(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The text of the first file dropped, or undefined when the drop holds no file. */
export async function readDroppedText(e: DragEvent): Promise<string | undefined> {
  const file = e.dataTransfer.files[0];
  return file ? file.text() : undefined;
}
