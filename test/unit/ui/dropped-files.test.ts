import { describe, expect, it } from 'vitest';
import { droppedFiles, type DroppedEntry } from '@/utils/ui/dropped-files';

// A dropped folder read through the entries API, whose readEntries answers in batches.
const file = (name: string, text: string): DroppedEntry => ({ name, isFile: true, isDirectory: false, file: (ok) => ok(new File([text], name)) });
function dir(name: string, entries: DroppedEntry[], batch = 2): DroppedEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let at = 0;
      return { readEntries: (ok) => ok(entries.slice(at, (at += batch))) };
    },
  };
}
const text = async (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);

describe('droppedFiles', () => {
  it('reads a dropped folder whole, batch after batch, relative to the folder', async () => {
    const files = await droppedFiles([dir('yunfan-crm', [file('a.ts', 'a'), dir('src', [file('b.ts', 'b'), file('c.ts', 'c'), dir('deep', [file('d.ts', 'd')])]), file('e.ts', 'e')])]);
    expect(files.map((f) => f.path)).toEqual(['a.ts', 'src/b.ts', 'src/c.ts', 'src/deep/d.ts', 'e.ts']);
    expect(await text(files[3])).toBe('d');
  });

  it('keeps the names of several dropped items', async () => {
    expect((await droppedFiles([file('x.ts', 'x'), dir('lib', [file('y.ts', 'y')])])).map((f) => f.path)).toEqual(['x.ts', 'lib/y.ts']);
  });
});
