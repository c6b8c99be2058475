/**
 * How much an imported file may hold (SECURITY.md, "Import limits"). Every limit is far above what
 * a real file reaches (the figures beside each), so only a damaged or hostile file meets one; a
 * file over a limit is refused before it is parsed further, with a message naming the limit, and
 * nothing is written.
 */

const MiB = 2 ** 20;

export const BUNDLE_LIMITS = {
  /** A pretty-printed export of 10 000 owners is about 7 MB. */
  maxFileBytes: 64 * MiB,
  /**
   * Objects and arrays inside one another; an export nests 4 deep (bundle, owners, an owner, its
   * real-name data). Deeper data could not be copied into a message or exported again
   * (structured cloning and JSON.stringify recurse).
   */
  maxDepth: 32,
} as const;

export const WORD_LIMITS = {
  /** The exported template is about 13 KB; with pictures pasted in, a few MB. */
  maxFileBytes: 10 * MiB,
  /** Parts of the zip: the template has 17. */
  maxEntries: 1000,
  /**
   * word/document.xml, the one part read, unpacked: the template's is about 27 KB, and a filled
   * one far below 1 MB. Parsing is the slow step: 1 MB of dense XML is about half a second.
   */
  maxXmlBytes: 1 * MiB,
  /** Elements inside one another: a table cell's text is 8 deep, content controls and nested tables add a few. */
  maxXmlDepth: 128,
  /** Table rows read: the template has 26 for the software and 13 for each owner. */
  maxRows: 2000,
  /** Owner sections: one software's copyright owners. */
  maxOwners: 100,
} as const;

export const SHEET_LIMITS = {
  /** A client list of 100 000 rows and 12 columns is about 5 MB as .xlsx, 17 MB as CSV. */
  maxFileBytes: 32 * MiB,
  /** Parts of an .xlsx: a one-sheet workbook has about 16. */
  maxEntries: 1000,
  /** Every part of an .xlsx unpacked (the parser reads them all): 100 000 rows of 12 columns are about 64 MB. */
  maxUnzippedBytes: 128 * MiB,
  /** Rows with content besides the header row. */
  maxRows: 100_000,
  /** Columns: a client list has a dozen or two. */
  maxColumns: 256,
  /**
   * Cells in the worksheets, counted in their XML before the parser builds them: what the parser's
   * time grows with (about 10 µs a cell). 100 000 rows of 15 columns.
   */
  maxCells: 1_500_000,
} as const;

/** "64 MB" (binary megabytes, as file managers show them). */
export const megabytes = (bytes: number): string => `${Math.round(bytes / MiB)} MB`;

/** The bilingual message for a file larger than a limit: nothing of it was read. */
export const fileTooLarge = (what: { zh: string; en: string }, limit: number): string =>
  `${what.zh}大于 ${megabytes(limit)}，未读取 / the ${what.en} is larger than ${megabytes(limit)} and was not read`;
