import { openBoundedZip, ZipLimitError } from '@/utils/ui/bounded-zip';
import { WORD_LIMITS } from '@/utils/schema/import-limits';
import { labelText, normalizeText, splitList } from '@/utils/text/normalize';
import { makeBundle, parseBundle, type Bundle } from '@/utils/schema/bundle';
import type { DataError } from '@/utils/schema/errors';
import { ORGANIZATION_ID_TYPES, PERSON_ID_TYPES, type Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { OWNER_ROWS, OWNER_SECTION, rowFor, WORK_ROWS, type OwnerRow, type WorkRow } from './word-template';

/**
 * Import: a filled 智能识别 Word template (word-template.ts) back into profiles. The document's
 * tables are read from word/document.xml (jszip): every row whose first cell is a template label
 * gives a value, in any layout Word produces (runs split by editing, content controls, two label |
 * value pairs per row). The result is a bundle validated by the same zod schemas as any import;
 * with errors nothing is imported.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Elements that only wrap content: content controls, custom XML, smart tags, tracked insertions. */
const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins']);

type WorkKey = WorkRow['key'];
type OwnerKey = OwnerRow['key'];

export interface WordValues {
  /** The work's cells by Work key, as written (text). */
  work: Partial<Record<WorkKey, string>>;
  /** One entry per owner section, in the document's order. */
  owners: Partial<Record<OwnerKey, string>>[];
  /** First cells that look like labels and are not the template's (shown, not imported). */
  unknown: string[];
}

export type WordRead = { ok: true; values: WordValues } | { ok: false; errors: DataError[] };

const refused = (message: string): { ok: false; errors: DataError[] } => ({ ok: false, errors: [{ path: '', record: '', field: '', message }] });
const fileError = (zh: string, en: string) => refused(`${zh} / ${en}`);

export const WORD_FILE = { zh: 'Word 文档', en: 'Word document' };
const DOCUMENT_PART = 'word/document.xml';

/**
 * The child elements of `el`. Walked by sibling links: iterating `children` (a live collection)
 * costs many times more, which a hostile document of 100 000 elements makes seconds.
 */
function* elements(el: Element): Generator<Element> {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) yield c;
}

/** How deep elements nest under `root`, counted without recursion (the document may be hostile). */
function depthOf(root: Element): number {
  let deepest = 0;
  let depth = 1;
  let el: Element | null = root;
  while (el) {
    deepest = Math.max(deepest, depth);
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el === root ? null : (el?.nextElementSibling ?? null);
  }
  return deepest;
}

/** Children named `name` (WordprocessingML), looking through wrapper elements. */
function kids(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const c of elements(el)) {
    if (c.namespaceURI !== W) continue;
    if (c.localName === name) out.push(c);
    else if (WRAPPERS.has(c.localName)) out.push(...kids(c, name));
  }
  return out;
}

/** A paragraph's text: its w:t, tabs and breaks; deleted text and field codes are not text. */
function paragraphText(p: Element): string {
  let s = '';
  const walk = (el: Element) => {
    for (const c of elements(el)) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 't') s += c.textContent ?? '';
      else if (c.localName === 'tab') s += '\t';
      else if (c.localName === 'br' || c.localName === 'cr') s += '\n';
      else if (c.localName !== 'del' && c.localName !== 'instrText') walk(c);
    }
  };
  walk(p);
  return s;
}

/** A cell's text: its paragraphs one a line, without the blank lines Word leaves at the ends. */
const cellText = (tc: Element) => kids(tc, 'p').map(paragraphText).join('\n').replace(/^\s*\n|\n\s*$/g, '').trim();

/** The text of the document's main part, or why it cannot be had. */
async function documentXml(bytes: ArrayBuffer | Uint8Array): Promise<{ xml: string } | { ok: false; errors: DataError[] }> {
  const notWord = fileError('不是有效的 Word 文档（.docx）', 'not a valid Word document (.docx)');
  try {
    const zip = await openBoundedZip(bytes, { maxFileBytes: WORD_LIMITS.maxFileBytes, maxEntries: WORD_LIMITS.maxEntries, maxUnpackedBytes: WORD_LIMITS.maxXmlBytes }, WORD_FILE);
    const part = (await zip?.unpack([DOCUMENT_PART]))?.get(DOCUMENT_PART);
    return part ? { xml: new TextDecoder().decode(part) } : notWord;
  } catch (e) {
    // Past a limit: said as such. Anything else (damaged compressed data) is not a Word document we can read.
    return e instanceof ZipLimitError ? refused(e.message) : notWord;
  }
}

/** Reads the template's values from the bytes of a .docx. */
export async function readWord(bytes: ArrayBuffer | Uint8Array): Promise<WordRead> {
  const part = await documentXml(bytes);
  if (!('xml' in part)) return part;
  const doc = new DOMParser().parseFromString(part.xml, 'application/xml');
  const unreadable = fileError('Word 文档的内容无法读取', 'the Word document\'s content cannot be read');
  if (doc.getElementsByTagName('parsererror').length) return unreadable;
  // Checked before the walks below, which recurse through wrappers.
  if (depthOf(doc.documentElement) > WORD_LIMITS.maxXmlDepth) {
    return fileError(`Word 文档的内容嵌套超过 ${WORD_LIMITS.maxXmlDepth} 层，不是正常的文档，未读取`, `the Word document nests deeper than ${WORD_LIMITS.maxXmlDepth} levels; it is not a normal document and was not read`);
  }
  const body = doc.documentElement.namespaceURI === W ? kids(doc.documentElement, 'body')[0] : undefined;
  if (!body) return unreadable;

  const values: WordValues = { work: {}, owners: [], unknown: [] };
  const unknown = new Set<string>();
  const errors: DataError[] = [];
  let ownerStarts = false;
  const put = (label: string, value: string) => {
    const hit = rowFor(label);
    if (!hit) {
      const l = labelText(label);
      if (l && l.length <= 20) unknown.add(l);
      return;
    }
    if (hit.part === 'owner') {
      const current = values.owners.at(-1);
      // A new owner section, or a label this owner already has: the next owner's rows.
      if (!current || ownerStarts || current[hit.row.key] !== undefined) values.owners.push({});
      ownerStarts = false;
      values.owners.at(-1)![hit.row.key] = value;
      return;
    }
    const before = values.work[hit.row.key];
    if (before !== undefined && before !== value) {
      errors.push({ path: `work.${hit.row.key}`, record: '软件', field: hit.row.label, message: `出现了两次且内容不同 / appears twice with different values` });
    }
    values.work[hit.row.key] = value;
  };

  const blocks = (el: Element): Element[] => [...elements(el)].flatMap((c) => (c.namespaceURI === W && WRAPPERS.has(c.localName) ? blocks(c) : [c]));
  let rows = 0;
  for (const block of blocks(body)) {
    if (block.namespaceURI !== W) continue;
    if (block.localName === 'p' && OWNER_SECTION.test(normalizeText(paragraphText(block)))) ownerStarts = true;
    if (block.localName !== 'tbl') continue;
    for (const tr of kids(block, 'tr')) {
      if (++rows > WORD_LIMITS.maxRows) return fileError(`Word 文档的表格超过 ${WORD_LIMITS.maxRows} 行，不是资料模板，未读取`, `the Word document's tables have more than ${WORD_LIMITS.maxRows} rows; it is not the data template and was not read`);
      const cells = kids(tr, 'tc').map(cellText);
      // label | value, possibly twice in one row (label | value | label | value).
      for (let i = 0; i + 1 < cells.length; i++) {
        if (rowFor(cells[i]) || i === 0) {
          put(cells[i], cells[i + 1]);
          i++;
        }
      }
    }
  }
  if (values.owners.length > WORD_LIMITS.maxOwners) return fileError(`Word 文档中的著作权人超过 ${WORD_LIMITS.maxOwners} 位，未读取`, `the Word document lists more than ${WORD_LIMITS.maxOwners} owners and was not read`);
  values.unknown = [...unknown];
  if (errors.length) return { ok: false, errors };
  if (!Object.keys(values.work).length && !values.owners.length) {
    return fileError('文档中没有找到模板的字段（软件全称、姓名或名称……）', "none of the template's fields (软件全称, 姓名或名称 …) were found");
  }
  return { ok: true, values };
}

/** YYYY-MM-DD from the ways people write a day: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日. */
function isoDay(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(normalizeText(s));
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

function kindOf(category: string | undefined, idType: string | undefined): Owner['kind'] | null {
  if (category) return category === '自然人' ? 'person' : 'organization';
  if (idType && (PERSON_ID_TYPES as readonly string[]).includes(idType)) return 'person';
  if (idType && (ORGANIZATION_ID_TYPES as readonly string[]).includes(idType)) return 'organization';
  return null;
}

const sameId = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

export interface WordPreview {
  owners: { record: Owner; existing: boolean }[];
  work: { record: Work; existing: boolean } | null;
  unknown: string[];
}

export type WordImport = { ok: true; bundle: Bundle; preview: WordPreview } | { ok: false; errors: DataError[] };

export interface Stored {
  owners: readonly Owner[];
  works: readonly Work[];
}

/**
 * Profiles from a template's values. A stored owner with the same ID number and a stored work with
 * the same full name and version are updated (their ids, tags, notes and authentication kept);
 * others are new. An empty cell keeps what is stored. Returns the bundle to import, or every error.
 */
export function profilesFromWord(values: WordValues, stored: Stored, newId: (prefix: 'o' | 'w') => string): WordImport {
  const errors: DataError[] = [];
  const error = (path: string, record: string, field: string, zh: string, en: string) => errors.push({ path, record, field, message: `${zh} / ${en}` });

  const written = (cells: Partial<Record<string, string>>) => Object.values(cells).some((v) => v?.trim());
  // A template's blank owner table (room for a co-owner) is no owner.
  const owners = values.owners.filter(written).map((cells, i) => {
    const where = `第 ${i + 1} 著作权人${cells.name ? `（${cells.name}）` : ''}`;
    const filled = Object.fromEntries(Object.entries(cells).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, k === 'idNumber' ? v.trim() : v]));
    const existing = cells.idNumber?.trim() ? stored.owners.find((o) => o.idNumber.trim() && sameId(o.idNumber, cells.idNumber!)) : undefined;
    const kind = kindOf(filled.category, filled.idType) ?? existing?.kind ?? null;
    if (!kind) error(`owners[${i}].category`, where, '著作权人类别', '请填写著作权人类别（或证件类型），无法判断是个人还是单位', 'fill in 著作权人类别 (or 证件类型): whether the owner is a person or an organisation is unknown');
    return { record: { ...(existing ?? { id: newId('o') }), ...filled, kind: kind ?? 'person' } as Owner, existing: !!existing };
  });

  let work: WordPreview['work'] = null;
  if (written(values.work)) {
    const converted: Partial<Record<WorkKey, unknown>> = {};
    for (const row of WORK_ROWS) {
      const raw = values.work[row.key]?.trim();
      if (!raw) continue;
      const kind: string = 'kind' in row ? row.kind : 'text';
      const bad = (zh: string, en: string) => error(`works[0].${row.key}`, '软件', row.label, zh, en);
      if (kind === 'date') {
        const day = isoDay(raw);
        if (day) converted[row.key] = day;
        else bad(`日期“${raw}”无法识别，应为 YYYY-MM-DD（或 2026年6月30日）`, `the date "${raw}" is not YYYY-MM-DD (or 2026年6月30日)`);
      } else if (kind === 'published') {
        if (/^(已发表|是)$/.test(raw)) converted.published = true;
        else if (/^(未发表|否)$/.test(raw)) converted.published = false;
        else bad(`应为“已发表”或“未发表”，实为“${raw}”`, `must be 已发表 or 未发表, got "${raw}"`);
      } else if (kind === 'lines') {
        const n = raw.replace(/[,，\s]|行$/g, '');
        if (/^\d+$/.test(n)) converted.sourceLines = Number(n);
        else bad(`应为行数（整数），实为“${raw}”`, `must be a number of lines, got "${raw}"`);
      } else if (kind === 'list') converted[row.key] = splitList(raw);
      else converted[row.key] = raw;
    }
    const name = String(converted.fullName ?? '');
    const version = String(converted.version ?? '');
    const matches = name ? stored.works.filter((w) => w.fullName.trim() === name && w.version.trim() === version) : [];
    if (matches.length > 1) error('works[0].fullName', '软件', '软件全称', `本机有 ${matches.length} 个同名同版本的软件，无法确定更新哪一个`, `${matches.length} stored works share this name and version; which one to update is unclear`);
    const existing = matches.length === 1 ? matches[0] : undefined;
    if (!existing && !name) error('works[0].fullName', '软件', '软件全称', '新软件需要填写软件全称', 'a new software record needs its full name');
    const ownerIds = owners.length ? owners.map((o) => o.record.id) : (existing?.ownerIds ?? []);
    work = { record: { ...(existing ?? { id: newId('w') }), ...converted, ownerIds } as Work, existing: !!existing };
  }
  if (errors.length) return { ok: false, errors };

  // The same schemas as every import: a value the portal does not offer (开发方式) is an error here.
  const parsed = parseBundle(makeBundle(owners.map((o) => o.record), work ? [work.record] : []));
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(toTemplateTerms) };
  const bundleOwners = parsed.value.owners;
  return {
    ok: true,
    bundle: parsed.value,
    preview: {
      owners: owners.map((o, i) => ({ record: bundleOwners[i], existing: o.existing })),
      work: work && { record: parsed.value.works[0], existing: work.existing },
      unknown: values.unknown,
    },
  };
}

/** A schema error located in the document's words: 第 1 著作权人 · 证件类型, 软件 · 开发方式. */
function toTemplateTerms(e: DataError): DataError {
  const m = /^(owners|works)\[(\d+)\]\.(\w+)/.exec(e.path);
  if (!m) return e;
  const rows: readonly { key: string; label: string }[] = m[1] === 'owners' ? OWNER_ROWS : WORK_ROWS;
  const label = rows.find((r) => r.key === m[3])?.label ?? m[3];
  return { ...e, record: m[1] === 'owners' ? `第 ${Number(m[2]) + 1} 著作权人` : '软件', field: label };
}

/** Reads a .docx and turns it into profiles: the two steps the options page runs. */
export async function importWord(bytes: ArrayBuffer | Uint8Array, stored: Stored, newId: (prefix: 'o' | 'w') => string): Promise<WordImport> {
  const read = await readWord(bytes);
  return read.ok ? profilesFromWord(read.values, stored, newId) : read;
}
