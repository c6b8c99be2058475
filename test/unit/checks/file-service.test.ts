// @vitest-environment node
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '@/utils/checks/base64';
import { handleInspectMaterial } from '@/utils/checks/file-service';

// The background's PDF reader, with pdf.js in its main-thread worker mode as in the service worker.

async function pdf(pages: number, header: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Courier);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(header, { x: 72, y: 800, size: 9, font });
    for (let i = 0; i < 55; i++) page.drawText(`line ${i + 1}`, { x: 72, y: 760 - i * 13, size: 9, font });
    page.drawText(`- ${n} -`, { x: 280, y: 30, size: 9, font });
  }
  return doc.save();
}

describe('handleInspectMaterial', () => {
  it('answers only its own message', () => {
    expect(handleInspectMaterial({ type: 'ruanzhu:check' })).toBeUndefined();
    expect(handleInspectMaterial({ type: 'ruanzhu:inspect-material', data: 'x' })).toBeUndefined();
  });

  it('reads the PDF and judges it against the form, with the upload\'s key', async () => {
    const data = bytesToBase64(await pdf(2, 'Yunfan CRM System V2.0'));
    const res = await handleInspectMaterial({ type: 'ruanzhu:inspect-material', data, material: 'doc', work: { fullName: 'Yunfan CRM System', version: 'V1.0' }, key: 'upload.上传文档鉴别材料' });
    expect(res!.pages).toBe(2);
    expect(res!.findings.every((f) => f.key === 'upload.上传文档鉴别材料')).toBe(true);
    expect(res!.findings.find((f) => f.rule === 'materials.header')?.message).toContain('页眉没有版本号 V1.0（页眉写的是 V2.0）');
  });
});
