/*
 * Source files as text: UTF-8 (with or without BOM), UTF-16 with a BOM (Visual Studio's
 * "Unicode"), and GB18030 — the superset of GBK and GB2312 that Chinese Windows editors save in.
 * Everything else is binary or undecodable, and says so rather than printing mojibake.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: 'binary' | 'undecodable' };

/** How much of a file is searched for NUL bytes: git's own binary test looks at the first 8000. */
const SNIFF_BYTES = 8000;

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label, { fatal: true, ignoreBOM: false })));
  return d;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return decoder(label).decode(bytes);
  } catch {
    return null;
  }
}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

/** Share of control characters other than tab, line breaks and form feed: text has almost none. */
function controlShare(text: string): number {
  if (!CONTROL.test(text)) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c < 0xa0)) controls++;
  }
  return text.length ? controls / text.length : 0;
}

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes);
    return text === null ? { ok: false, problem: 'undecodable' } : { ok: true, text, encoding: 'utf-8-bom' };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes);
    return text === null ? { ok: false, problem: 'undecodable' } : { ok: true, text, encoding };
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return { ok: false, problem: 'binary' };
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return controlShare(utf8) > 0.01 ? { ok: false, problem: 'binary' } : { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null) return controlShare(gb) > 0.01 ? { ok: false, problem: 'binary' } : { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, problem: 'undecodable' };
}

/** East Asian wide and full-width characters: two columns on a terminal, for tab stops. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/*
 * Characters that print nothing and would only confuse a reader or a copy of the text: C0/C1
 * controls (a tab is expanded before), zero-width and bidirectional formatting marks (which can
 * also make code read differently from how it runs), and a BOM in mid-file.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** One line as printed: tabs expanded to stops every `tabWidth` columns, invisible characters dropped, trailing blanks cut. */
export function cleanLine(line: string, tabWidth: number): string {
  let s = line.includes('\t') ? expandTabs(line, tabWidth) : line;
  if (INVISIBLE.test(s)) s = s.replace(INVISIBLE_ALL, '');
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Blanks a line may end with: space, tab, line-breaking controls, no-break and ideographic space. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
}

function expandTabs(line: string, tabWidth: number): string {
  let out = '';
  let column = 0;
  for (const ch of line) {
    if (ch === '\t') {
      const spaces = tabWidth - (column % tabWidth);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column += isWide(ch.codePointAt(0)!) ? 2 : 1;
    }
  }
  return out;
}

/** Lines of a text (CRLF, CR and LF all end a line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  // A final line break ends the last line rather than starting an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A line that prints nothing: blank lines are removed and do not count (docs/RULES.md materials.source.lines). */
function isBlank(cleaned: string): boolean {
  return !/[^\s\u3000]/u.test(cleaned);
}

/** The lines of a text that print, cleaned, with their 1-based numbers in the file. */
export function printingLines(text: string, tabWidth: number): { no: number; text: string }[] {
  const out: { no: number; text: string }[] = [];
  splitLines(text).forEach((raw, i) => {
    const cleaned = cleanLine(raw, tabWidth);
    if (!isBlank(cleaned)) out.push({ no: i + 1, text: cleaned });
  });
  return out;
}
