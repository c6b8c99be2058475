// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSignaturePage, MAX_SIGNATURE_PAGES, type SignatureExpectation } from '@/utils/rules/filing';
import { analysePdf, type PdfjsModule } from '@/utils/rules/materials';
import { makeMaterialPdf } from '../../fixtures/generate/material-pdf';
import { toJpeg, toPng, scene } from '../rules/photo-images';

// docs/RULES.md filing.signature-pdf: the 签章页 judged by its bytes, then pdf.js's reading of it.
// pdf-lib's standard fonts have no Chinese: the software here is "Yunfan CRM System".

let pdfjs: PdfjsModule;
beforeAll(async () => {
  pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;
});

const EXPECTED = { flowNumber: '2026R11L0125852', softwareName: 'Yunfan CRM System' };
const judge = async (bytes: Uint8Array, name = 'signature.pdf', expected: SignatureExpectation = EXPECTED) => checkSignaturePage(await analysePdf(bytes, pdfjs), expected, name, 'upload.签章页');
/** A signature page as the portal prints it: a title, the filing's name and number, a line to sign on. */
const page = (lines: string[], pages = 1, image = false) =>
  makeMaterialPdf({ pages, header: () => 'Signature page', footer: () => null, extra: () => lines, lines: () => lines.length, image: () => image });

describe('the 签章页 check', () => {
  it('refuses a JPG or a PNG named .pdf, and says why the portal will not tell', async () => {
    const jpg = await judge(toJpeg(scene({ width: 300, height: 400 })), '签章页.pdf');
    expect(jpg.map((f) => [f.rule, f.severity, f.key])).toEqual([['filing.signature-pdf', 'error', 'upload.签章页']]);
    expect(jpg[0].message).toBe('签章页（文件名为 .pdf）不是 PDF，而是JPEG 图片，请另存为 PDF。门户会照收这个文件而不报错，但申请不会进入“待受理” / the signature page (named .pdf): not a PDF but a JPEG image: save it as PDF. The portal takes the file without an error, but the filing never moves on to 待受理');
    expect((await judge(toPng(scene({ width: 300, height: 400 })), 'scan.png'))[0].message).toMatch(/^签章页（文件名为 \.png）不是 PDF，而是PNG 图片/);
    expect((await judge(new Uint8Array(0)))[0].message).toContain('文件是空的');
  });

  it('a one-page PDF naming this filing passes', async () => {
    expect(await judge(await page(['Software: Yunfan CRM System V1.0', 'Flow number: 2026R11L0125852', 'Signature: ____']))).toEqual([]);
  });

  it('another filing’s page: the name missing, another 流水号', async () => {
    const found = await judge(await page(['Software: Lingxi Notes V2.1.3', 'Flow number: 2026R11L0119307']));
    expect(found.map((f) => [f.severity, f.message.split(' / ')[0]])).toEqual([
      ['warning', '签章页上的文字中没有软件名称“Yunfan CRM System”：是否是另一件申请的签章页？（扫描件的文字识别也可能认错字）'],
      ['warning', '签章页上的流水号是 2026R11L0119307，不是这件申请的 2026R11L0125852'],
    ]);
  });

  it(`more than ${MAX_SIGNATURE_PAGES} pages is likely another file`, async () => {
    const found = await judge(await page(['Software: Yunfan CRM System', 'Flow number: 2026R11L0125852'], 12));
    expect(found.map((f) => f.message.split(' / ')[0])).toEqual(['签章页 PDF 有 12 页：签章页通常只有一两页，是否选成了别的文件（鉴别材料、整份申请表）？']);
  });

  it('a scan without text cannot be read for the name: said as information; a blank page is a warning', async () => {
    const scan = await judge(await makeMaterialPdf({ pages: 1, header: () => null, footer: () => null, lines: () => 0, image: () => true }));
    expect(scan.map((f) => [f.severity, f.message.split(' / ')[0]])).toEqual([['info', '签章页是扫描图像，没有可读的文字：软件名称无法核对，请自己看一眼是否是这件申请的签章页']]);
    const blank = await judge(await makeMaterialPdf({ pages: 1, header: () => null, footer: () => null, lines: () => 0 }));
    expect(blank.map((f) => f.severity)).toEqual(['warning']);
    expect(blank[0].message).toContain('空白');
  });

  it('with nothing known of the filing, only the file itself is judged', async () => {
    expect(await judge(await page(['Anything at all']), 'a.pdf', {})).toEqual([]);
  });
});
