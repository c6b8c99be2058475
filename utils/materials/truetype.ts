/*
 * TrueType files made ready for pdf-lib's subsetting. @pdf-lib/fontkit (a fork of fontkit 1.7)
 * writes a subset's `loca` in the short format, which stores offsets halved, yet copies the glyph
 * records as they are: one odd-length record (Noto Sans SC has thousands) shifts every later
 * glyph by a byte, and those glyphs print blank while the text still extracts. Upstream fontkit
 * fixed it in 1.8 (foliojs/fontkit#191); the fork never took the fix. Padding every record to a
 * 4-byte boundary beforehand, as the OpenType spec recommends, makes any subset's offsets even.
 */

/** A font file the generator cannot use, with a message for the user (Chinese / English). */
export class MaterialFontError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.name = 'MaterialFontError';
  }
}

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** The OpenType table checksum: the sum of the table's big-endian 32-bit words, zero-padded. */
function checksum(bytes: Uint8Array, start: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = start + (length & ~3);
  for (let at = start; at < whole; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
  if (length & 3) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (whole + k < start + length ? bytes[whole + k] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

function readTables(bytes: Uint8Array): Map<string, TableRecord> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) throw new MaterialFontError('字体文件是空的或已损坏', 'the font file is empty or damaged');
  const version = tagAt(view, 0);
  if (version === 'OTTO') {
    throw new MaterialFontError(
      '字体是 CFF 轮廓的 OpenType（.otf），pdf-lib 子集化后无法显示，请改用 TrueType 字体（.ttf）',
      'the font has CFF outlines (.otf), which pdf-lib subsets into a broken font: use a TrueType (.ttf) font',
    );
  }
  if (version !== '\0\x01\0\0' && version !== 'true') {
    throw new MaterialFontError('不是 TrueType 字体文件（可能是 WOFF、字体集合或其他文件）', 'not a TrueType font file (WOFF, a collection or another file?)');
  }
  const count = view.getUint16(4);
  if (12 + count * 16 > bytes.length) throw new MaterialFontError('字体文件已损坏', 'the font file is damaged');
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const record = { tag: tagAt(view, at), offset: view.getUint32(at + 8), length: view.getUint32(at + 12) };
    if (record.offset + record.length > bytes.length) throw new MaterialFontError('字体文件已损坏（表越界）', 'the font file is damaged (a table runs past its end)');
    tables.set(record.tag, record);
  }
  for (const tag of ['head', 'maxp', 'loca', 'glyf', 'hmtx', 'cmap']) {
    if (!tables.has(tag)) throw new MaterialFontError(`字体缺少 ${tag} 表，无法嵌入`, `the font has no ${tag} table and cannot be embedded`);
  }
  return tables;
}

/** The glyph records' offsets in `glyf`, from `loca` in either format. */
function glyphOffsets(bytes: Uint8Array, tables: Map<string, TableRecord>): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = tables.get('head')!;
  const loca = tables.get('loca')!;
  const longFormat = view.getInt16(head.offset + 50) === 1;
  const glyphs = view.getUint16(tables.get('maxp')!.offset + 4);
  const size = longFormat ? 4 : 2;
  if ((glyphs + 1) * size > loca.length) throw new MaterialFontError('字体文件已损坏（loca 表太短）', 'the font file is damaged (its loca table is too short)');
  const offsets = new Uint32Array(glyphs + 1);
  for (let g = 0; g <= glyphs; g++) offsets[g] = longFormat ? view.getUint32(loca.offset + g * 4) : view.getUint16(loca.offset + g * 2) * 2;
  return offsets;
}

/**
 * The font with every glyph record padded to 4 bytes and a long-format `loca`, or the same bytes
 * when every record already has an even length (then no subset can go wrong). Throws a
 * MaterialFontError for a file that is no TrueType font.
 */
export function padGlyphRecords(bytes: Uint8Array): Uint8Array {
  const tables = readTables(bytes);
  const offsets = glyphOffsets(bytes, tables);
  let odd = false;
  for (let g = 0; g + 1 < offsets.length && !odd; g++) odd = ((offsets[g + 1] - offsets[g]) & 1) === 1;
  if (!odd) return bytes;

  const glyf = tables.get('glyf')!;
  const glyphs = offsets.length - 1;
  let glyfSize = 0;
  for (let g = 0; g < glyphs; g++) glyfSize += (offsets[g + 1] - offsets[g] + 3) & ~3;
  const newGlyf = new Uint8Array(glyfSize);
  const newLoca = new Uint8Array((glyphs + 1) * 4);
  const locaView = new DataView(newLoca.buffer);
  let at = 0;
  for (let g = 0; g < glyphs; g++) {
    locaView.setUint32(g * 4, at);
    newGlyf.set(bytes.subarray(glyf.offset + offsets[g], glyf.offset + offsets[g + 1]), at);
    at += (offsets[g + 1] - offsets[g] + 3) & ~3;
  }
  locaView.setUint32(glyphs * 4, at);
  const head = tables.get('head')!;
  const newHead = bytes.slice(head.offset, head.offset + head.length);
  const headView = new DataView(newHead.buffer);
  headView.setInt16(50, 1);
  headView.setUint32(8, 0);

  // Rebuild the file: the directory sorted by tag (as the spec wants), each table 4-byte aligned.
  const records = [...tables.values()].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const data = new Map<string, Uint8Array>(records.map((r) => [r.tag, bytes.subarray(r.offset, r.offset + r.length)]));
  data.set('glyf', newGlyf);
  data.set('loca', newLoca);
  data.set('head', newHead);
  const headerSize = 12 + records.length * 16;
  let total = headerSize;
  for (const r of records) total += (data.get(r.tag)!.length + 3) & ~3;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(bytes.subarray(0, 12));
  let offset = headerSize;
  let headOffset = 0;
  records.forEach((r, i) => {
    const table = data.get(r.tag)!;
    out.set(table, offset);
    const entry = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(entry + k, r.tag.charCodeAt(k));
    view.setUint32(entry + 4, checksum(out, offset, table.length));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    if (r.tag === 'head') headOffset = offset;
    offset += (table.length + 3) & ~3;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out, 0, out.length)) >>> 0);
  return out;
}
