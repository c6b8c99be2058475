import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { padGlyphRecords } from './truetype';

/*
 * Measuring and breaking printed lines with the embedded fonts' own advance widths, so that the
 * line count the PDF shows is the one the layout planned. Widths are kept as whole thousandths
 * of an em: sums are exact, and the same line always wraps at the same character.
 */

/** The two font files: a monospace font for code, a CJK font for Chinese and whatever the first lacks. */
export interface MaterialFontFiles {
  mono: Uint8Array;
  cjk: Uint8Array;
}

export const Face = { Mono: 0, Cjk: 1 } as const;
export type Face = (typeof Face)[keyof typeof Face];

/** A piece of a printed line drawn in one font, `x` in thousandths of an em from the line's start. */
export interface Run {
  face: Face;
  text: string;
  x: number;
}

/** What replaces a character neither font has. */
export const MISSING_GLYPH = '?';

type FontkitFont = ReturnType<typeof fontkit.create>;

const prepared = new WeakMap<Uint8Array, Uint8Array>();
/** The font ready for pdf-lib's subsetting (truetype.ts), prepared once per file. */
export function preparedFont(bytes: Uint8Array): Uint8Array {
  let out = prepared.get(bytes);
  if (!out) prepared.set(bytes, (out = padGlyphRecords(bytes)));
  return out;
}

const parsed = new WeakMap<Uint8Array, FontkitFont>();

/**
 * The font parsed once per file and set to map characters to glyphs one by one. pdf-lib draws
 * and measures through fontkit's `layout`, which shapes: a code font's programming ligatures and
 * contextual alternates would print other glyphs than the characters typed (-> as one arrow),
 * and shaping is most of the drawing time. Code and Chinese need none of it. pdf-lib reads only
 * the glyphs of a layout.
 */
function plainFont(bytes: Uint8Array): FontkitFont {
  let font = parsed.get(bytes);
  if (!font) {
    const f = fontkit.create(bytes);
    f.layout = ((text: string) => ({ glyphs: f.glyphsForString(text) })) as unknown as FontkitFont['layout'];
    parsed.set(bytes, (font = f));
  }
  return font;
}

/** What pdf-lib is given as its fontkit: the same fonts `Typesetter` measures with. */
const plainFontkit = { create: (bytes: Uint8Array) => plainFont(bytes) } as unknown as Parameters<PDFDocument['registerFontkit']>[0];

/** Embeds a font file in `doc`, subset to the glyphs drawn, drawn without shaping (see plainFont). */
export function embedPlainFont(doc: PDFDocument, bytes: Uint8Array): Promise<PDFFont> {
  doc.registerFontkit(plainFontkit);
  return doc.embedFont(preparedFont(bytes), { subset: true });
}

/** `text` as the font alone prints it: characters it lacks become MISSING_GLYPH (for the header). */
export function printableWith(bytes: Uint8Array, text: string): string {
  const font = plainFont(preparedFont(bytes));
  return Array.from(text, (ch) => (font.hasGlyphForCodePoint(ch.codePointAt(0)!) ? ch : MISSING_GLYPH)).join('');
}

export class Typesetter {
  private readonly fonts: [FontkitFont, FontkitFont];
  private readonly scale: [number, number];
  /** Per BMP code point: 0 not looked up yet, 1 mono, 2 CJK, 3 missing. */
  private readonly faceOf = new Uint8Array(0x10000);
  private readonly widthOf = new Uint16Array(0x10000);
  private readonly astral = new Map<number, { face: Face | -1; width: number }>();
  /** Characters neither font has, met while wrapping. */
  readonly missing = new Set<string>();
  readonly monoAdvance: number;

  constructor(files: MaterialFontFiles) {
    this.fonts = [plainFont(preparedFont(files.mono)), plainFont(preparedFont(files.cjk))];
    this.scale = [1000 / this.fonts[0].unitsPerEm, 1000 / this.fonts[1].unitsPerEm];
    this.monoAdvance = this.look(0x30).width;
  }

  /** Embeds both fonts in `doc`, subset to the glyphs drawn. */
  static embed(doc: PDFDocument, files: MaterialFontFiles): Promise<[PDFFont, PDFFont]> {
    return Promise.all([embedPlainFont(doc, files.mono), embedPlainFont(doc, files.cjk)]);
  }

  private look(cp: number): { face: Face | -1; width: number } {
    if (cp < 0x10000) {
      const known = this.faceOf[cp];
      if (known) return { face: known === 3 ? -1 : known === 1 ? Face.Mono : Face.Cjk, width: this.widthOf[cp] };
    } else {
      const known = this.astral.get(cp);
      if (known) return known;
    }
    let face: Face | -1 = -1;
    let width = 0;
    for (const f of [Face.Mono, Face.Cjk] as const) {
      if (this.fonts[f].hasGlyphForCodePoint(cp)) {
        face = f;
        width = Math.round(this.fonts[f].glyphForCodePoint(cp).advanceWidth * this.scale[f]);
        break;
      }
    }
    if (face === -1) width = this.look(MISSING_GLYPH.codePointAt(0)!).width;
    if (cp < 0x10000) {
      this.faceOf[cp] = face === -1 ? 3 : face + 1;
      this.widthOf[cp] = width;
    } else this.astral.set(cp, { face, width });
    return { face, width };
  }

  /** Width of a text in thousandths of an em, as `runs` would draw it. */
  width(text: string): number {
    let w = 0;
    for (const ch of text) w += this.look(ch.codePointAt(0)!).width;
    return w;
  }

  /**
   * How many printed lines `line` takes at `limit` thousandths of an em per line: the count the
   * pagination uses, equal to `wrap(line, limit).length` (ASCII takes a shortcut when the mono
   * font has every printable ASCII character at one advance, which monospace fonts do).
   */
  count(line: string, limit: number): number {
    if (/^[\x20-\x7e]*$/.test(line) && this.asciiUniform()) return Math.max(1, Math.ceil(line.length / Math.max(1, Math.floor(limit / this.monoAdvance))));
    return this.wrap(line, limit).length;
  }

  private uniform: boolean | undefined;
  private asciiUniform(): boolean {
    if (this.uniform === undefined) {
      this.uniform = true;
      for (let cp = 0x20; cp <= 0x7e; cp++) {
        const g = this.look(cp);
        if (g.face !== Face.Mono || g.width !== this.monoAdvance) this.uniform = false;
      }
    }
    return this.uniform;
  }

  /**
   * The line broken into printed lines no wider than `limit`, each a list of runs. A break falls
   * before the character that would overflow; never before a zero-width (combining) character,
   * which stays with its base.
   */
  wrap(line: string, limit: number): Run[][] {
    const out: Run[][] = [];
    let runs: Run[] = [];
    let x = 0;
    let run: Run | null = null;
    for (const ch of line) {
      const g = this.look(ch.codePointAt(0)!);
      if (x + g.width > limit && x > 0 && g.width > 0) {
        out.push(runs);
        runs = [];
        run = null;
        x = 0;
      }
      const face = g.face === -1 ? Face.Mono : g.face;
      const text = g.face === -1 ? MISSING_GLYPH : ch;
      if (g.face === -1) this.missing.add(ch);
      if (run && run.face === face) run.text += text;
      else runs.push((run = { face, text, x }));
      x += g.width;
    }
    out.push(runs);
    return out;
  }
}
