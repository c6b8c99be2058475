import type { Finding } from '@/utils/schema/finding';
import { FLOW_NUMBER } from '@/utils/schema/filing';
import { finding } from './finding';
import type { PdfReport } from './materials';

/*
 * The 签章页 upload (docs/RULES.md filing.signature-pdf): the center takes any file there without
 * an error, but only a PDF moves the filing on to 待受理 (docs/PORTALS.md "After submission"
 * [seen]). Judged by the file's bytes; pdf.js's reading (done in the background) adds the page
 * count and, where the PDF carries text, the software name and 流水号 on it.
 */

/** What the filing the page was uploading for shows: its row on the list, or the dialog. */
export interface SignatureExpectation {
  flowNumber?: string;
  softwareName?: string;
}

/** A signature page is a page or two per owner [guess]; more is likely another document (a material, the whole form). */
export const MAX_SIGNATURE_PAGES = 4;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const FLOW_NUMBERS = new RegExp(FLOW_NUMBER.source.replace(/^\^|\$$/g, ''), 'g');

/** The file's name as a message says it: （文件名为 .pdf）. */
function named(fileName: string): [string, string] {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? [`（文件名为 .${ext}）`, ` (named .${ext})`] : ['', ''];
}

/**
 * Findings for a file chosen as the 签章页. `report` is analysePdf's (or precheckPdf's, when the
 * bytes already show it is no PDF); messages quote only what the page showed and the file.
 */
export function checkSignaturePage(report: PdfReport, expected: SignatureExpectation, fileName: string, key?: string): Finding[] {
  const [zhName, enName] = named(fileName);
  if (!report.ok) {
    return [
      finding(
        'filing.signature-pdf',
        key,
        `签章页${zhName}${report.zh}。门户会照收这个文件而不报错，但申请不会进入“待受理”`,
        `the signature page${enName}: ${report.en}. The portal takes the file without an error, but the filing never moves on to 待受理`,
      ),
    ];
  }
  const out: Finding[] = [];
  if (report.pages > MAX_SIGNATURE_PAGES) {
    out.push(finding('filing.signature-pdf', key, `签章页 PDF 有 ${report.pages} 页：签章页通常只有一两页，是否选成了别的文件（鉴别材料、整份申请表）？`, `the signature page PDF has ${report.pages} pages: a signature page has one or two; is this another file (a material, the whole form)?`, 'warning'));
  }
  const pages = report.pageReports;
  if (pages.length && pages.every((p) => p.empty)) {
    out.push(finding('filing.signature-pdf', key, '签章页 PDF 是空白的：没有文字也没有扫描图像', 'the signature page PDF is blank: no text and no scanned image', 'warning'));
    return out;
  }
  const text = squeeze(pages.flatMap((p) => [p.header, ...p.text, p.footer]).join(''));
  if (!text) {
    out.push(finding('filing.signature-pdf', key, '签章页是扫描图像，没有可读的文字：软件名称无法核对，请自己看一眼是否是这件申请的签章页', 'the signature page is a scanned image without text: the software name cannot be checked; make sure it is this filing’s page', 'info'));
    return out;
  }
  const name = squeeze(expected.softwareName ?? '');
  if (name && !text.includes(name)) {
    out.push(finding('filing.signature-pdf', key, `签章页上的文字中没有软件名称“${expected.softwareName!.trim()}”：是否是另一件申请的签章页？（扫描件的文字识别也可能认错字）`, `the text of the signature page lacks the software name “${expected.softwareName!.trim()}”: is it another filing’s page? (text recognition of a scan may also misread)`, 'warning'));
  }
  const numbers = [...new Set(text.match(FLOW_NUMBERS) ?? [])];
  if (expected.flowNumber && numbers.length && !numbers.includes(expected.flowNumber)) {
    out.push(finding('filing.signature-pdf', key, `签章页上的流水号是 ${numbers.join('、')}，不是这件申请的 ${expected.flowNumber}`, `the signature page shows the filing number ${numbers.join(', ')}, not this filing’s ${expected.flowNumber}`, 'warning'));
  }
  return out;
}

/**
 * filing.address (docs/RULES.md): #/confirm has a certificate address chosen — the filing is sent
 * back without one, and the default is not always chosen [seen]. `chosen` is the chosen address's
 * text ('' for none), `key` the field the finding links to.
 */
export function checkCertificateAddress(chosen: string, key: string): Finding[] {
  return chosen.trim()
    ? []
    : [finding('filing.address', key, '尚未选择证书领取地址：请选择一个地址或新增联系地址，否则申请会被退回', 'no certificate address is selected: choose one or add one, or the filing is sent back')];
}
