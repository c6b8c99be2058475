import type { InspectMaterialResponse } from '@/utils/contract/messages';
import { beforeEach, describe, expect, it } from 'vitest';
import { UploadChecks, uploadAnchor, uploadCaption, uploadContext, uploadTarget, type Verdict } from '@/utils/content/checks/uploads';
import { base64ToBytes, bytesToBase64 } from '@/utils/encoding/base64';
import { precheckPdf } from '@/utils/rules/materials';
import { scene, toJpeg } from '../rules/photo-images';

// Upload controls: what a chosen file is checked as, the words and limit around the control, and
// the verdicts (the pdf.js part is the background's, faked here; e2e runs the real one).

/** The replicas' upload box: a label wrapping a hidden input and its caption, then a tip. */
function uploadBox(caption: string, tip = '请上传jpg、png、jpeg格式', section?: string) {
  document.body.insertAdjacentHTML(
    'beforeend',
    `${section ? `<div class="fillin_item"><h3 class="fillin_title">${section}</h3><div class="fillin_content">` : '<div class="uploads">'}<div class="upload-box"><label class="upload-trigger"><input type="file" style="display:none"><span class="upload-caption">${caption}</span></label><p class="upload-tip">${tip}</p></div></div>${section ? '</div>' : ''}`,
  );
  return document.body.lastElementChild!.querySelector('input')!;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('two uploads in one section, each titled beside its box (R11 #/features, 鉴别材料)', () => {
  it('each is judged by its own title, not by the section that names both', () => {
    document.body.innerHTML = `<div class="fillin_item"><h3>鉴别材料</h3>
      <div class="fillin_info"><div class="upLoad-title">程序鉴别材料</div><p class="fillin_info_title">源程序前连续的30页和后连续的30页</p><div class="upLoadBox"><input type="file" accept=".pdf" name="a"></div></div>
      <div class="fillin_info"><div class="upLoad-title">文档鉴别材料</div><p class="fillin_info_title">提交任何一种文档的前连续的30页和后连续的30页</p><div class="upLoadBox"><input type="file" accept=".pdf" name="b"></div></div></div>`;
    const pdf = { name: 'm.pdf', type: 'application/pdf' };
    const [program, manual] = [...document.querySelectorAll('input')];
    expect(uploadCaption(program)).toBe('程序鉴别材料');
    expect(uploadTarget(uploadCaption(program), uploadContext(program), '.pdf', pdf)).toEqual({ as: 'material', material: 'source' });
    expect(uploadTarget(uploadCaption(manual), uploadContext(manual), '.pdf', pdf)).toEqual({ as: 'material', material: 'doc' });
  });
});

describe('the upload control', () => {
  it('reads its caption, its box, and the words around it', () => {
    const input = uploadBox('上传程序鉴别材料', '请上传PDF格式，大小不超过10M', '程序鉴别材料');
    expect(uploadCaption(input)).toBe('上传程序鉴别材料');
    expect(uploadAnchor(input).className).toBe('upload-box');
    const [own, section] = uploadContext(input);
    expect(own).toContain('大小不超过10M');
    expect(section).toContain('程序鉴别材料');
  });

  it.each<[string, string, string, { name: string; type: string }, unknown]>([
    ['上传程序鉴别材料', '', '.pdf', { name: 'a.pdf', type: 'application/pdf' }, { as: 'material', material: 'source' }],
    ['上传文件', '文档鉴别材料', '', { name: 'manual.pdf', type: '' }, { as: 'material', material: 'doc' }],
    ['上传证件照正面', '', '.jpg,.jpeg,.png', { name: 'front.jpg', type: 'image/jpeg' }, { as: 'photo', kind: 'card' }],
    ['上传手持证件照片', '', '', { name: 'IMG_0001.HEIC', type: '' }, { as: 'photo', kind: 'handheld' }],
    // A PDF chosen where a photo belongs is a photo in the wrong format: the photo check says so.
    ['上传证件照反面', '', '.jpg,.jpeg,.png', { name: 'back.pdf', type: 'application/pdf' }, { as: 'photo', kind: 'card' }],
    // A Word template is not ours to judge.
    ['上传申请模板', '', '.docx', { name: 'form.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }, null],
  ])('%s (%s) with %o takes %o', (caption, section, accept, file, expected) => {
    expect(uploadTarget(caption, ['', section], accept, file)).toEqual(expected);
  });
});

describe('UploadChecks', () => {
  const shown: Verdict[] = [];
  const asked: Record<string, unknown>[] = [];
  let answer: InspectMaterialResponse;
  const checks = () =>
    new UploadChecks({
      materialWork: () => ({ fullName: '云帆客户关系管理系统', version: 'V1.0' }),
      inspectMaterial: async (request) => {
        asked.push(request as Record<string, unknown>);
        return answer;
      },
      view: { show: (_anchor, verdict) => void shown.push(verdict) },
      redact: (findings) => findings,
      changed: () => undefined,
      texts: { pixels: (w, h) => `${w}×${h}`, pages: (n) => `${n} pages`, tooBig: (mb) => `> ${mb} MB` },
      signatureFor: () => ({ flowNumber: '2026R11L0125852', softwareName: '云帆客户关系管理系统' }),
      inspectSignature: async (request) => {
        asked.push(request as Record<string, unknown>);
        return answer;
      },
    });
  const choose = (input: HTMLInputElement, file: File) => Object.defineProperty(input, 'files', { value: [file], configurable: true });
  beforeEach(() => {
    shown.length = 0;
    asked.length = 0;
  });

  it('a photo in a format the portal refuses is judged by its bytes at once, keyed by its upload', async () => {
    const input = uploadBox('上传证件照正面');
    choose(input, new File([new TextEncoder().encode('%PDF-1.7\n%%EOF')], 'front.jpg', { type: 'image/jpeg' }));
    const u = checks();
    await u.chosen(input);
    expect(shown.map((v) => v.state)).toEqual(['checking', 'done']);
    expect(u.findings().map((f) => [f.rule, f.key])).toEqual([['realname.photo.format', 'upload.上传证件照正面']]);
    expect(u.elements().get('upload.上传证件照正面')).toBe(uploadAnchor(input));
  });

  it('a photo over the page\'s limit shows that finding while it decodes, and keeps it in the final verdict', async () => {
    const input = uploadBox('上传证件照正面', '请上传jpg、png、jpeg格式，大小不超过10K');
    choose(input, new File([new Uint8Array(toJpeg(scene()))], 'front.jpg', { type: 'image/jpeg' }));
    await checks().chosen(input);
    expect(shown.map((v) => v.state)).toEqual(['checking', 'checking', 'done']);
    const [, early, final] = shown as [Verdict, Extract<Verdict, { state: 'checking' }>, Extract<Verdict, { state: 'done' }>];
    expect(early.findings!.map((f) => f.rule)).toEqual(['realname.photo.size']);
    expect(early.details).toEqual(['1200×900']);
    expect(final.findings.slice(0, 1)).toEqual(early.findings);
  });

  it('a material PDF goes to the background with the form\'s name and the page\'s limit; a non-PDF never does', async () => {
    const source = uploadBox('上传程序鉴别材料', '请上传PDF格式，不超过10M');
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    choose(source, new File([pdf], 'source.pdf'));
    answer = { findings: [{ rule: 'materials.header', severity: 'error', key: 'upload.上传程序鉴别材料', message: 'x / x' }], pages: 3 };
    const u = checks();
    await u.chosen(source);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ material: 'source', work: { fullName: '云帆客户关系管理系统', version: 'V1.0' }, sizeLimitBytes: 10 * 1024 * 1024, key: 'upload.上传程序鉴别材料' });
    expect(base64ToBytes(asked[0].data as string)).toEqual(pdf);
    expect(shown.at(-1)).toMatchObject({ state: 'done', details: ['3 pages'] });

    const doc = uploadBox('上传文档鉴别材料');
    choose(doc, new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'manual.pdf'));
    await u.chosen(doc);
    expect(asked).toHaveLength(1);
    expect(u.findings().filter((f) => f.key === 'upload.上传文档鉴别材料').map((f) => f.message)[0]).toContain('不是 PDF，而是Word 或 ZIP 文件');
  });

  it('the 签章页 (an hd upload in its dialog): a JPG named .pdf is refused at once, a PDF goes to the background with the filing the dialog shows', async () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<div class="dialog_container"><div class="dialog_content"><p>流水号：2026R11L0125852</p><div class="upLoadBox"><div class="upLoad-title">签章页</div><div class="hdUpload"><input type="file" accept=".pdf" style="display:none"><div class="hdUpload-item">点击上传</div></div><p class="upLoad-tip">请上传签字或盖章后的签章页扫描件</p></div></div></div>',
    );
    const input = document.querySelector<HTMLInputElement>('.upLoadBox input')!;
    expect(uploadCaption(input)).toBe('签章页');
    expect(uploadAnchor(input).className).toBe('upLoadBox');
    expect(uploadTarget(uploadCaption(input), uploadContext(input), input.accept, { name: 'scan.pdf', type: 'application/pdf' })).toEqual({ as: 'signature' });
    // A real photo chosen there is a 签章页 in the wrong format, not a photo to judge.
    expect(uploadTarget(uploadCaption(input), uploadContext(input), input.accept, { name: 'scan.jpg', type: 'image/jpeg' })).toEqual({ as: 'signature' });
    const u = checks();
    choose(input, new File([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])], '签章页.pdf', { type: 'application/pdf' }));
    await u.chosen(input);
    expect(asked).toEqual([]);
    expect(u.findings().map((f) => [f.rule, f.severity, f.key])).toEqual([['filing.signature-pdf', 'error', 'upload.签章页']]);
    expect(u.findings()[0].message).toMatch(/^签章页（文件名为 \.pdf）不是 PDF，而是JPEG 图片.*门户会照收这个文件而不报错，但申请不会进入“待受理”/);

    answer = { findings: [], pages: 1 };
    choose(input, new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'scan.pdf'));
    await u.chosen(input);
    expect(asked).toEqual([expect.objectContaining({ fileName: 'scan.pdf', expected: { flowNumber: '2026R11L0125852', softwareName: '云帆客户关系管理系统' }, key: 'upload.签章页' })]);
    expect(shown.at(-1)).toMatchObject({ state: 'done', findings: [], details: ['1 pages'] });
  });

  it('drops a late answer for a file the user has replaced, and forgets controls the page removed', async () => {
    const input = uploadBox('上传程序鉴别材料');
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    let release: (v: InspectMaterialResponse) => void = () => undefined;
    const u = new UploadChecks({
      materialWork: () => ({}),
      inspectMaterial: () => new Promise((r) => (release = r)),
      view: { show: (_a, v) => void shown.push(v) },
      redact: (findings) => findings,
      changed: () => undefined,
      texts: { pixels: () => '', pages: () => '', tooBig: () => '' },
      signatureFor: () => ({}),
      inspectSignature: async () => ({ findings: [] }),
    });
    choose(input, new File([pdf], 'first.pdf'));
    const first = u.chosen(input);
    await new Promise((r) => setTimeout(r, 0));
    const firstRelease = release;
    choose(input, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'second.pdf'));
    await u.chosen(input);
    firstRelease({ findings: [{ rule: 'materials.header', severity: 'error', message: 'stale / stale' }] });
    await first;
    expect(u.findings().map((f) => f.rule)).toEqual(['materials.source.pages']);
    input.closest('.uploads')!.remove();
    expect(u.findings()).toEqual([]);
  });
});

describe('precheckPdf and base64', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['a PDF with its end marker', new TextEncoder().encode('%PDF-1.4\n...\n%%EOF\n'), null],
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'not-pdf'],
    ['a PDF cut off', new TextEncoder().encode('%PDF-1.4\n1 0 obj'), 'damaged'],
  ])('%s', (_name, bytes, problem) => {
    const r = precheckPdf(bytes.subarray(0, 1024), bytes.subarray(Math.max(0, bytes.length - 1024)), bytes.length);
    expect(r === null ? null : !r.ok && r.problem).toBe(problem);
  });

  it('round-trips every byte value and large files', () => {
    // More than one String.fromCharCode chunk, every byte value.
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('/9j/');
  });
});

describe('UploadChecks.listen', () => {
  it('checks a file the user chose, never one a page script put there and announced itself', async () => {
    const asked: unknown[] = [];
    const u = new UploadChecks({
      materialWork: () => ({}),
      inspectMaterial: async (request) => (asked.push(request), { findings: [] }),
      view: { show: () => undefined },
      redact: (findings) => findings,
      changed: () => undefined,
      texts: { pixels: () => '', pages: () => '', tooBig: () => '' },
      signatureFor: () => ({}),
      inspectSignature: async () => ({ findings: [] }),
    });
    const controller = new AbortController();
    u.listen(document, controller.signal);
    const input = uploadBox('上传程序鉴别材料');
    Object.defineProperty(input, 'files', { value: [new File([new TextEncoder().encode('%PDF-1.7\n%%EOF\n')], 'a.pdf', { type: 'application/pdf' })] });
    // happy-dom, like a page script, can only dispatch untrusted events.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);
    expect(u.findings()).toEqual([]);
    controller.abort();
  });
});
