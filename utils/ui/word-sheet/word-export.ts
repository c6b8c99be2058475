import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { OWNER_ROWS, SECTIONS, TECH_FROM, WORK_ROWS, type OwnerRow, type WorkRow } from './word-template';

/**
 * Export: a work and its owners as a filled 智能识别 Word template (word-template.ts), for agents
 * to send to a client or to upload in the console. Every value is written as text, one paragraph
 * per line, so import reads back exactly what was written.
 */

function workText(work: Work, row: WorkRow): string {
  const v = work[row.key];
  if (row.key === 'published') return v ? '已发表' : '未发表';
  if (Array.isArray(v)) return v.join('、');
  return v === undefined ? '' : String(v);
}

const ownerText = (owner: Owner, row: OwnerRow): string => owner[row.key] ?? '';

function cell(text: string, width: number, bold = false): TableCell {
  // A value with line breaks (软件的主要功能) keeps them: one paragraph per line.
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold })] })),
  });
}

function table(rows: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, 30, true), cell(value, 70)] })),
  });
}

const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });

/** The document for `work` with its `owners` in the work's order (the first is the first owner). */
export function wordDocument(work: Work, owners: readonly Owner[], now = new Date()): Document {
  const split = WORK_ROWS.findIndex((r) => r.key === TECH_FROM);
  const rows = WORK_ROWS.map((r): [string, string] => [r.label, workText(work, r)]);
  return new Document({
    creator: '软著助手 Ruanzhu Assistant',
    title: `${work.fullName} 软件著作权登记资料`,
    styles: { default: { document: { run: { font: { ascii: 'Arial', eastAsia: '宋体', hAnsi: 'Arial' }, size: 21 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('计算机软件著作权登记资料')] }),
          new Paragraph({ children: [new TextRun(`软著助手导出于 ${now.toISOString().slice(0, 10)}；字段按资料表的四个部分排列。 / Exported by Ruanzhu Assistant; fields in the order of the form's four parts.`)] }),
          heading(SECTIONS.basic),
          table(rows.slice(0, split)),
          heading(SECTIONS.tech),
          table(rows.slice(split)),
          ...owners.flatMap((o, i) => [heading(SECTIONS.owner(i + 1)), table(OWNER_ROWS.map((r): [string, string] => [r.label, ownerText(o, r)]))]),
          heading(SECTIONS.materials),
          new Paragraph({ children: [new TextRun('程序鉴别材料与文档鉴别材料为 PDF，在控制台上传，不在本文件中。 / The identification materials are PDFs uploaded in the console, not part of this file.')] }),
        ],
      },
    ],
  });
}

/** The .docx bytes. */
export async function wordBytes(work: Work, owners: readonly Owner[], now = new Date()): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(wordDocument(work, owners, now)));
}

/** A file name for the export: the software's name and version, without characters file systems refuse. */
export function wordFileName(work: Work): string {
  const base = [work.fullName.trim() || work.id, work.version.trim()].filter(Boolean).join('-').replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base}-软著资料.docx`;
}
