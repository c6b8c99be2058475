import { clip, endPath, lineTo, moveTo, popGraphicsState, pushGraphicsState, rectangle, rgb, setLineCap, setLineWidth, setStrokingRgbColor, stroke, LineCapStyle, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { embedPlainFont, printableWith } from './typeset';

/*
 * What both materials print besides their body: the header (the software's name and version as
 * on the form, left; the page number, right: docs/RULES.md materials.header) and, for 例外交存 (1),
 * the black wide diagonal lines over the covered lines.
 */

/** The header's font: the CJK font, whose Latin letters and digits suit a header better than a code font. */
export interface HeaderFont {
  font: PDFFont;
  /** The text with characters the font lacks replaced by MISSING_GLYPH. */
  printable(text: string): string;
}

export async function embedHeaderFont(doc: PDFDocument, cjk: Uint8Array): Promise<HeaderFont> {
  return { font: await embedPlainFont(doc, cjk), printable: (text) => printableWith(cjk, text) };
}

/** "<name> <version>" as the header prints it, or null when the work lacks either. */
export function headerTitle(work: { fullName?: string; shortName?: string; version?: string }, which: 'full' | 'short'): string | null {
  const full = String(work?.fullName ?? '').trim();
  const short = String(work?.shortName ?? '').trim();
  const version = String(work?.version ?? '').trim();
  const name = which === 'short' ? short || full : full || short;
  return name && version ? `${name} ${version}` : null;
}

export interface HeaderSpec {
  /** "<name> <version>", exactly as on the form. */
  title: string;
  pageNumber: number;
  /** Left and right ends of the header, and its baseline, in the page's own coordinates. */
  left: number;
  right: number;
  baseline: number;
  size: number;
  /** A rule under the header: set it apart from the body for the reader (and for the checker's gap test). */
  rule?: boolean;
}

/**
 * Draws the header. A title too long for the line is set smaller (down to 6 pt) rather than cut
 * or wrapped: the name must stay whole and on one line with the page number.
 */
export function drawHeader(page: PDFPage, hf: HeaderFont, spec: HeaderSpec): void {
  const title = hf.printable(spec.title);
  const number = String(spec.pageNumber);
  const gap = spec.size * 2;
  let size = spec.size;
  const fits = (s: number) => hf.font.widthOfTextAtSize(title, s) + gap + hf.font.widthOfTextAtSize(number, s) <= spec.right - spec.left;
  while (size > 6 && !fits(size)) size -= 0.5;
  page.drawText(title, { x: spec.left, y: spec.baseline, size, font: hf.font });
  page.drawText(number, { x: spec.right - hf.font.widthOfTextAtSize(number, size), y: spec.baseline, size, font: hf.font });
  if (spec.rule) {
    page.drawLine({ start: { x: spec.left, y: spec.baseline - 5 }, end: { x: spec.right, y: spec.baseline - 5 }, thickness: 0.5, color: rgb(0, 0, 0) });
  }
}

/** Black diagonal lines, `width` wide every `spacing` points, clipped to the rectangle. */
export function drawStripes(page: PDFPage, box: { x: number; y: number; width: number; height: number }, width = 5, spacing = 11): void {
  const ops = [pushGraphicsState(), rectangle(box.x, box.y, box.width, box.height), clip(), endPath(), setStrokingRgbColor(0, 0, 0), setLineWidth(width), setLineCap(LineCapStyle.Butt)];
  // Lines at 45°: from the lower edge to the upper one, starting far enough left to fill the corner.
  for (let x = box.x - box.height; x < box.x + box.width; x += spacing) {
    ops.push(moveTo(x, box.y), lineTo(x + box.height, box.y + box.height));
  }
  ops.push(stroke(), popGraphicsState());
  page.pushOperators(...ops);
  page.drawRectangle({ ...box, borderColor: rgb(0, 0, 0), borderWidth: 1 });
}
