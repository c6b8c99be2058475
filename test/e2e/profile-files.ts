import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/*
 * Reading a browser profile directory the way someone with the disk would: every file's bytes,
 * and, for LevelDB's files (IndexedDB, extension storage), the bytes LevelDB itself would read —
 * table blocks are often Snappy-compressed, which breaks a value into literals and back-references
 * that a plain byte search does not see, and log records are split into 32 KiB blocks.
 */

/** Every regular file under `dir`. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? filesUnder(path) : e.isFile() ? [path] : [];
  });
}

function varint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (let i = at; i < bytes.length; i++) {
    value += (bytes[i] & 0x7f) * 2 ** shift;
    if (bytes[i] < 0x80) return [value, i + 1];
    shift += 7;
  }
  throw new Error('truncated varint');
}

/** Snappy's raw format (what LevelDB compresses table blocks with). */
export function snappyDecompress(input: Uint8Array): Uint8Array {
  const [length, start] = varint(input, 0);
  const out = new Uint8Array(length);
  let o = 0;
  let i = start;
  const le = (n: number) => {
    let v = 0;
    for (let k = 0; k < n; k++) v += input[i + k] * 2 ** (8 * k);
    i += n;
    return v;
  };
  while (i < input.length) {
    const tag = input[i++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >> 2;
      len = len < 60 ? len + 1 : le(len - 59) + 1;
      out.set(input.subarray(i, i + len), o);
      i += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      len = ((tag >> 2) & 7) + 4;
      offset = ((tag >> 5) << 8) | input[i++];
    } else {
      len = (tag >> 2) + 1;
      offset = le(kind === 2 ? 2 : 4);
    }
    if (offset === 0 || offset > o) throw new Error('bad snappy copy');
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset];
  }
  if (o !== length) throw new Error('snappy length mismatch');
  return out;
}

const TABLE_MAGIC = 0xdb4775248b80fb57n;

/** A table block's contents: `size` bytes at `offset`, then its compression type byte. */
function tableBlock(file: Uint8Array, offset: number, size: number): Uint8Array {
  const data = file.subarray(offset, offset + size);
  const type = file[offset + size];
  if (type === 0) return data;
  if (type === 1) return snappyDecompress(data);
  throw new Error(`table block compression ${type} is not read here`);
}

/** The values of a block's entries (the index block's values are handles of the data blocks). */
function blockValues(block: Uint8Array): Uint8Array[] {
  const restarts = new DataView(block.buffer, block.byteOffset, block.byteLength).getUint32(block.length - 4, true);
  const end = block.length - 4 - 4 * restarts;
  const values: Uint8Array[] = [];
  let i = 0;
  while (i < end) {
    const [, a] = varint(block, i);
    const [unshared, b] = varint(block, a);
    const [valueLength, c] = varint(block, b);
    const v = c + unshared;
    values.push(block.subarray(v, v + valueLength));
    i = v + valueLength;
  }
  return values;
}

/** Every data block of a LevelDB table file (.ldb / .sst), decompressed. */
export function tableBlocks(file: Uint8Array): Uint8Array[] {
  const footer = file.subarray(file.length - 48);
  const magic = new DataView(footer.buffer, footer.byteOffset + 40, 8).getBigUint64(0, true);
  if (magic !== TABLE_MAGIC) throw new Error('not a LevelDB table');
  const [, a] = varint(footer, 0);
  const [, b] = varint(footer, a);
  const [indexOffset, c] = varint(footer, b);
  const [indexSize] = varint(footer, c);
  return blockValues(tableBlock(file, indexOffset, indexSize)).map((handle) => {
    const [offset, next] = varint(handle, 0);
    const [size] = varint(handle, next);
    return tableBlock(file, offset, size);
  });
}

/** The records of a LevelDB log file (the write-ahead .log, MANIFEST), reassembled across its 32 KiB blocks. */
export function logRecords(file: Uint8Array): Uint8Array[] {
  const BLOCK = 32768;
  const records: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  let i = 0;
  while (i + 7 <= file.length) {
    const left = BLOCK - (i % BLOCK);
    if (left < 7) {
      i += left;
      continue;
    }
    const length = file[i + 4] | (file[i + 5] << 8);
    const type = file[i + 6];
    if (type === 0 && length === 0) {
      i += left; // the rest of the block is padding
      continue;
    }
    parts.push(file.subarray(i + 7, i + 7 + length));
    if (type === 1 || type === 4) {
      records.push(Buffer.concat(parts));
      parts = [];
    }
    i += 7 + length;
  }
  if (parts.length) records.push(Buffer.concat(parts));
  return records;
}

/** What a file holds as LevelDB would read it: its raw bytes, plus decoded blocks or records. */
export function readableContents(path: string): Uint8Array[] {
  const bytes = readFileSync(path);
  const name = basename(path);
  if (/\.(ldb|sst)$/.test(name)) return [bytes, ...tableBlocks(bytes)];
  if (/^\d+\.log$|^MANIFEST-\d+$/.test(name)) return [bytes, ...logRecords(bytes)];
  return [bytes];
}

/** The byte forms a text takes in files: UTF-8, UTF-16 (both byte orders: V8 values and IndexedDB keys), Latin-1. */
export function encodings(text: string): { name: string; bytes: Buffer }[] {
  const forms = [
    { name: 'utf-8', bytes: Buffer.from(text, 'utf8') },
    { name: 'utf-16le', bytes: Buffer.from(text, 'utf16le') },
    { name: 'utf-16be', bytes: Buffer.from(text, 'utf16le').swap16() },
  ];
  // Latin-1 only where every character has one (the others would be written otherwise).
  if (/^[\u0000-\u00ff]*$/.test(text)) forms.push({ name: 'latin-1', bytes: Buffer.from(text, 'latin1') });
  return forms;
}

export interface Hit {
  file: string;
  secret: string;
  encoding: string;
}

/** Every place under `dir` where one of `secrets` can be read, in any of its encodings. */
export function findSecrets(dir: string, secrets: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  for (const path of filesUnder(dir)) {
    const contents = readableContents(path);
    for (const secret of secrets) {
      for (const form of encodings(secret)) {
        if (contents.some((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength).includes(form.bytes))) {
          hits.push({ file: relative(dir, path), secret, encoding: form.name });
        }
      }
    }
  }
  return hits;
}
