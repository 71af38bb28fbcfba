// Browser-side file helpers for import (read as base64) and export (save as a download).

/** Base64 of a file's bytes, in chunks so large files do not overflow the call stack. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Offers text as a file. In the desktop app this opens the native save dialog; in a browser
 * it is a download.
 */
export function saveTextFile(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface DirectoryHandle {
  getFileHandle(
    name: string,
    options: { create: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  }>;
}

/** Writes several files into a folder the user picks, where the browser allows it. */
export async function saveIntoFolder(files: Array<{ fileName: string; content: string }>): Promise<boolean> {
  const picker = (window as unknown as { showDirectoryPicker?: (o?: object) => Promise<DirectoryHandle> })
    .showDirectoryPicker;
  if (!picker) return false;
  const dir = await picker({ mode: 'readwrite' });
  for (const file of files) {
    const handle = await dir.getFileHandle(file.fileName, { create: true });
    const writable = await handle.createWritable();
    await writable.write(file.content);
    await writable.close();
  }
  return true;
}
