import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodings, logRecords, snappyDecompress, tableBlocks } from '../e2e/profile-files';

// A table Chromium wrote for the extension's IndexedDB: the sample's records, deleted (each beside
// its tombstone) and never compacted away, next to the sealed records that replaced them.
const TABLE = readFileSync(resolve(__dirname, '../fixtures/leveldb/deleted-records.ldb'));
const has = (bytes: Uint8Array, text: string) => encodings(text).some((f) => Buffer.from(bytes).includes(f.bytes));

describe('reading a browser profile as someone with the disk would (the storage scan of test/e2e)', () => {
  it('finds an ID number that LevelDB compressed out of reach of a plain byte search', () => {
    expect(has(TABLE, '110105199003072012')).toBe(false);
    expect(tableBlocks(TABLE).some((block) => has(block, '110105199003072012'))).toBe(true);
  });

  it('decodes Snappy literals and back-references', () => {
    // Length 12; a literal "abcd" (tag (4 - 1) << 2); a copy of 8 bytes from 4 back (tag (8 - 4) << 2 | 1, offset 4).
    const compressed = Uint8Array.from([12, 3 << 2, 0x61, 0x62, 0x63, 0x64, (4 << 2) | 1, 4]);
    expect(Buffer.from(snappyDecompress(compressed)).toString()).toBe('abcdabcdabcd');
  });

  it('reassembles a log record split across the 32 KiB blocks', () => {
    const header = (length: number, type: number) => Buffer.from([0, 0, 0, 0, length & 0xff, length >> 8, type]);
    const first = Buffer.alloc(32768 - 7 - 3, 0x61);
    const file = Buffer.concat([header(first.length + 3, 2), first, Buffer.from('138'), header(8, 4), Buffer.from('00138000')]);
    const records = logRecords(file);
    expect(records).toHaveLength(1);
    expect(has(records[0], '13800138000')).toBe(true);
    expect(has(file, '13800138000')).toBe(false);
  });

  it('searches the encodings a string takes in files: UTF-8, UTF-16 both ways, Latin-1', () => {
    expect(encodings('张三').map((e) => e.name)).toEqual(['utf-8', 'utf-16le', 'utf-16be']);
    expect(encodings('13800138000').map((e) => e.name)).toEqual(['utf-8', 'utf-16le', 'utf-16be', 'latin-1']);
  });
});
