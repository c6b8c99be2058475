import { AlignmentType, Document, Header, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { Work } from '@/utils/schema/work';
import { headerTitle } from './render';

/*
 * A Word skeleton of the user manual, the usual 文档鉴别材料: A4, the header already set (the name
 * and version as on the form, the page number top right), and the work's own texts as the first
 * sections, so that the manual says what the form says (a mismatch is a frequent 补正 cause) and
 * the user adds screenshots and steps. Lines are 20 pt apart: a page of text holds well over the
 * 30 lines a documentation page needs.
 */

export type ManualSkeletonWork = Pick<Work, 'fullName' | 'version'> &
  Partial<Pick<Work, 'shortName' | 'purpose' | 'domain' | 'mainFunctions' | 'technicalFeatures' | 'devHardware' | 'runHardware' | 'devOs' | 'devTools' | 'runPlatform' | 'runSupport' | 'languages'>>;

/** A4 as Word writes it, in twips, with 25 mm margins; the header's right tab stop at the body's right edge. */
const A4_TWIPS = { width: 11906, height: 16838 };
const MARGIN = 1418;
const BODY_WIDTH = A4_TWIPS.width - 2 * MARGIN;

const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [new TextRun(text)] });

/** The work's text split into paragraphs, or a reminder of what belongs there. */
function textOr(value: string | undefined, todo: string): Paragraph[] {
  const lines = String(value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? lines.map(para) : [para(`（待填写：${todo}）`)];
}

function environment(rows: [string, string | undefined][]): Paragraph[] {
  return rows.map(([label, value]) => para(`${label}：${String(value ?? '').trim() || '（待填写）'}`));
}

/** The skeleton as a docx Document. */
export function manualSkeleton(work: ManualSkeletonWork): Document {
  const title = headerTitle(work, 'full') ?? `${String(work.fullName ?? '').trim()} ${String(work.version ?? '').trim()}`.trim();
  const name = String(work.fullName ?? '').trim() || String(work.shortName ?? '').trim();
  const steps = '（在此插入界面截图，并按操作顺序写出每一步：点击哪里、填写什么、看到什么结果。）';
  return new Document({
    creator: '软著助手 Ruanzhu Assistant',
    title: `${title} 用户手册`,
    styles: {
      default: {
        document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体', hAnsi: 'Times New Roman' }, size: 24 }, paragraph: { spacing: { line: 400, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4_TWIPS,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                tabStops: [{ type: TabStopType.RIGHT, position: BODY_WIDTH }],
                border: { bottom: { style: 'single', size: 4, color: '000000', space: 1 } },
                children: [new TextRun(title), new TextRun({ children: [new Tab(), PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`${name}用户手册`)] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`版本：${String(work.version ?? '').trim()}`)] }),
          heading('1 引言', HeadingLevel.HEADING_1),
          heading('1.1 编写目的', HeadingLevel.HEADING_2),
          ...textOr(work.purpose, '开发目的'),
          heading('1.2 面向领域', HeadingLevel.HEADING_2),
          ...textOr(work.domain, '面向领域 / 行业'),
          heading('2 运行环境', HeadingLevel.HEADING_1),
          heading('2.1 硬件环境', HeadingLevel.HEADING_2),
          ...environment([
            ['运行的硬件环境', work.runHardware],
            ['开发的硬件环境', work.devHardware],
          ]),
          heading('2.2 软件环境', HeadingLevel.HEADING_2),
          ...environment([
            ['运行平台 / 操作系统', work.runPlatform],
            ['运行支撑环境 / 支持软件', work.runSupport],
            ['开发操作系统', work.devOs],
            ['开发环境 / 开发工具', work.devTools],
            ['编程语言', work.languages],
          ]),
          heading('3 主要功能', HeadingLevel.HEADING_1),
          ...textOr(work.mainFunctions, '软件的主要功能，与申请表一致'),
          heading('4 技术特点', HeadingLevel.HEADING_1),
          ...textOr(work.technicalFeatures, '软件的技术特点，与申请表一致'),
          heading('5 操作说明', HeadingLevel.HEADING_1),
          heading('5.1 安装与登录', HeadingLevel.HEADING_2),
          para(steps),
          heading('5.2 主界面', HeadingLevel.HEADING_2),
          para(steps),
          heading('5.3 功能模块', HeadingLevel.HEADING_2),
          para('（每个主要功能一节：用途、进入方式、操作步骤与截图、注意事项。）'),
          heading('6 常见问题', HeadingLevel.HEADING_1),
          para('（常见问题与处理方法。）'),
        ],
      },
    ],
  });
}

/** The skeleton's .docx bytes (works in a page and in Node). */
export async function buildManualSkeleton(work: ManualSkeletonWork): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(manualSkeleton(work)));
}
