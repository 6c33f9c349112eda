import type { BinaryFile } from '../api/client';

// Blob URLs live as long as the page unless revoked; the tab that shows one keeps its copy.
const REVOKE_AFTER_MS = 10 * 60_000;

export function blobUrl(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return url;
}

/**
 * Fetches a file with the session's token and shows it in a new tab. The tab is opened
 * at once, inside the click, so popup blockers let it through; it is pointed at the blob
 * once the file has arrived. Returns the blob URL (for a fallback link when no tab could be opened).
 */
export async function openInNewTab(load: () => Promise<BinaryFile>): Promise<{ url: string; opened: boolean }> {
  const tab = window.open('', '_blank');
  if (tab) {
    try {
      tab.document.title = 'Đang tải tệp…';
      tab.document.body.textContent = 'Đang tải tệp…';
    } catch {
      // not our document any more
    }
  }
  let file: BinaryFile;
  try {
    file = await load();
  } catch (error) {
    tab?.close();
    throw error;
  }
  const url = blobUrl(file.blob);
  if (tab) {
    tab.location.href = url;
    return { url, opened: true };
  }
  return { url, opened: false };
}

/** Saves a file the API produced (exports) under its own name. */
export function saveFile(file: BinaryFile, fallbackName: string): void {
  const url = blobUrl(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
