// @vitest-environment node
import { makeMaterialPdf } from '../../fixtures/generate/material-pdf';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '@/utils/encoding/base64';
import { inspectMaterial } from '@/utils/background/files/inspect-material';

// The background's PDF reader, with pdf.js in its main-thread worker mode as in the service worker.


describe('inspectMaterial', () => {
  it('reads the PDF and judges it against the form, with the upload\'s key', async () => {
    const data = bytesToBase64(await makeMaterialPdf({ pages: 2, header: () => 'Yunfan CRM System V2.0' }));
    const res = await inspectMaterial({ type: 'ruanzhu:inspect-material', data, material: 'doc', work: { fullName: 'Yunfan CRM System', version: 'V1.0' }, key: 'upload.上传文档鉴别材料' });
    expect(res.pages).toBe(2);
    expect(res.findings.every((f) => f.key === 'upload.上传文档鉴别材料')).toBe(true);
    expect(res.findings.find((f) => f.rule === 'materials.header')?.message).toContain('页眉没有版本号 V1.0（页眉写的是 V2.0）');
  });
});
