// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { decodePDFRawStream, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { MATERIAL_FONTS } from '@/utils/materials/fonts';
import { MaterialFontError, padGlyphRecords } from '@/utils/materials/truetype';
import { embedPlainFont, Typesetter } from '@/utils/materials/typeset';
import { fontFile, fonts, pdfText, random } from './fixtures';

/*
 * Every bundled font must embed, subset, print every glyph it is asked for, and give its text
 * back. The glyph check matters: @pdf-lib/fontkit's subsets of fonts with odd-length glyph
 * records lose glyphs silently (they print blank, the text still extracts), so the outlines in
 * the PDF are compared with the font's own.
 */

type FontkitFont = ReturnType<typeof fontkit.create>;

/** The embedded font programs (FontFile2) of a PDF, by their font name. */
async function embeddedFonts(pdf: Uint8Array): Promise<Map<string, FontkitFont>> {
  const doc = await PDFDocument.load(pdf);
  const out = new Map<string, FontkitFont>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const ref = obj.get(PDFName.of('FontFile2'));
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : null;
    if (!(stream instanceof PDFRawStream)) continue;
    const name = String(obj.get(PDFName.of('FontName'))).replace(/^\//, '');
    out.set(name, fontkit.create(decodePDFRawStream(stream).decode()));
  }
  return out;
}

/** Draws `text` with a font and returns the PDF: the subset's glyph k is the k-th distinct character drawn. */
async function drawWith(embed: (doc: PDFDocument) => Promise<PDFFont>, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await embed(doc);
  const page = doc.addPage([595, 842]);
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 40) page.drawText(chars.slice(i, i + 40).join(''), { x: 20, y: 800 - (i / 40) * 14, size: 10, font });
  return doc.save();
}

/** Characters whose glyph in the subset differs from the font's own (outline or advance). */
function brokenGlyphs(original: FontkitFont, subset: FontkitFont, text: string): string[] {
  const distinct = [...new Set(Array.from(text))];
  const broken: string[] = [];
  distinct.forEach((ch, k) => {
    const want = original.glyphForCodePoint(ch.codePointAt(0)!);
    let ok = false;
    try {
      const got = subset.getGlyph(k + 1);
      ok = got.advanceWidth === want.advanceWidth && got.path.toSVG() === want.path.toSVG();
    } catch {
      ok = false;
    }
    if (!ok) broken.push(ch);
  });
  return broken;
}

/** A seeded sample of the font's characters in a range, plus fixed ones. */
function sample(font: FontkitFont, from: number, to: number, count: number, fixed: string): string {
  const rnd = random(7);
  const out = new Set(Array.from(fixed));
  while (out.size < count + fixed.length) {
    const cp = from + Math.floor(rnd() * (to - from));
    if (font.hasGlyphForCodePoint(cp)) out.add(String.fromCodePoint(cp));
  }
  return [...out].join('');
}

/** Code with the pairs a programming font likes to join, and the scripts it has beside Latin. */
const CODE = 'if (a -> b != c) { x => y; } // fi ffi www <= >= === ~@ #{} 0O1lI |&^%$ αβγ ЖЩ ─│┌ …';

describe('the bundled fonts', () => {
  it('are where MATERIAL_FONTS says the extension serves them, each with its licence', () => {
    const publicDir = fileURLToPath(new URL('../../../public', import.meta.url));
    for (const path of Object.values(MATERIAL_FONTS)) {
      expect(existsSync(publicDir + path)).toBe(true);
      expect(readFileSync(publicDir + path.replace(/-Regular\.ttf$/, '-OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
    }
  });

  it.each(['mono', 'cjk'] as const)('%s embeds as a subset whose glyphs are the font’s own and whose text extracts back', async (which) => {
    const bytes = fontFile(which);
    const original = fontkit.create(bytes);
    const text = which === 'mono' ? CODE : sample(original, 0x4e00, 0x9fff, 300, '软件著作权鉴别材料：中文注释，测试。“引号”（括号）ABCabc123龘喆');
    const pdf = await drawWith((doc) => embedPlainFont(doc, bytes), text);
    // Subset: the PDF carries a small part of the font.
    expect(pdf.length).toBeLessThan(which === 'mono' ? 40_000 : 200_000);
    const [subset] = [...(await embeddedFonts(pdf)).values()];
    expect(subset.numGlyphs).toBeLessThan(original.numGlyphs);
    expect(brokenGlyphs(original, subset, text)).toEqual([]);
    expect((await pdfText(pdf)).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  }, 60_000);

  it('needs the glyph padding: pdf-lib’s own subset of Noto Sans SC loses glyphs', async () => {
    const bytes = fontFile('cjk');
    const original = fontkit.create(bytes);
    const text = sample(original, 0x4e00, 0x9fff, 100, '软件著作权');
    const pdf = await drawWith(async (doc) => {
      doc.registerFontkit(fontkit);
      return doc.embedFont(bytes, { subset: true });
    }, text);
    const [subset] = [...(await embeddedFonts(pdf)).values()];
    expect(brokenGlyphs(original, subset, text).length).toBeGreaterThan(10);
  }, 60_000);

  it('prints code as typed: no programming ligatures', async () => {
    const setter = new Typesetter(fonts());
    const doc = await PDFDocument.create();
    const [mono] = await Typesetter.embed(doc, fonts());
    // One glyph per character: "->" is two glyphs, not JetBrains Mono's arrow.
    expect(mono.encodeText('->!=').toString()).toBe(PDFHexString.of('0001000200030004').toString());
    // Widths as measured: four characters of the same advance.
    expect(mono.widthOfTextAtSize('->!=', 10)).toBeCloseTo((4 * setter.monoAdvance * 10) / 1000, 6);
  });
});

describe('padGlyphRecords', () => {
  it('leaves a font whose glyph records are all even as it is', () => {
    const mono = fontFile('mono');
    expect(padGlyphRecords(mono)).toBe(mono);
  });

  it('pads every record to 4 bytes with a long loca, keeping every glyph and the checksums right', () => {
    const raw = fontFile('cjk');
    const padded = padGlyphRecords(raw);
    const before = fontkit.create(raw);
    const after = fontkit.create(padded);
    expect(after.numGlyphs).toBe(before.numGlyphs);
    expect((after as unknown as { head: { indexToLocFormat: number } }).head.indexToLocFormat).toBe(1);
    const offsets = (after as unknown as { loca: { offsets: number[] } }).loca.offsets;
    expect(offsets.every((o) => o % 4 === 0)).toBe(true);
    const rnd = random(3);
    for (let i = 0; i < 200; i++) {
      const g = Math.floor(rnd() * before.numGlyphs);
      expect(after.getGlyph(g).path.toSVG()).toBe(before.getGlyph(g).path.toSVG());
    }
    // The whole-file checksum: the sum of the file's words is the spec's magic number.
    const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
    let sum = 0;
    for (let at = 0; at + 4 <= padded.length; at += 4) sum = (sum + view.getUint32(at)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['a CFF OpenType font', Uint8Array.from([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]), /CFF/],
    ['a WOFF2 file', Uint8Array.from([0x77, 0x4f, 0x46, 0x32, 0, 0, 0, 0, 0, 0, 0, 0]), /不是 TrueType/],
    ['nothing', new Uint8Array(0), /空/],
  ])('refuses %s with a clear message', (_name, bytes, message) => {
    expect(() => padGlyphRecords(bytes)).toThrow(MaterialFontError);
    expect(() => padGlyphRecords(bytes)).toThrow(message);
  });
});
