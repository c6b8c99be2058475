import type { SourceFile } from '@/utils/materials/select';

/** The part of the File and Directory Entries API a drop gives (DataTransferItem.webkitGetAsEntry). */
export interface DroppedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(ok: (f: File) => void, fail: (e: unknown) => void): void;
  createReader?(): { readEntries(ok: (entries: DroppedEntry[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: DroppedEntry, prefix: string, out: SourceFile[]): Promise<void> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file!(ok, fail));
    out.push({ path: prefix + entry.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return;
  }
  if (!entry.isDirectory || !entry.createReader) return;
  await children(entry, `${prefix}${entry.name}/`, out);
}

/** A folder's entries: readEntries answers in batches until it answers none. */
async function children(dir: DroppedEntry, prefix: string, out: SourceFile[]): Promise<void> {
  const reader = dir.createReader!();
  for (;;) {
    const batch = await new Promise<DroppedEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return;
    for (const e of batch) await walk(e, prefix, out);
  }
}

/**
 * The files of what was dropped, relative to the dropped folder when one folder was dropped (its
 * own name left out, as the folder picker gives them), else as dropped.
 */
export async function droppedFiles(entries: readonly DroppedEntry[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  if (entries.length === 1 && entries[0].isDirectory) await children(entries[0], '', out);
  else for (const e of entries) await walk(e, '', out);
  return out;
}
