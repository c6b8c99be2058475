// @vitest-environment node
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildManualSkeleton } from '@/utils/materials/manual-skeleton';

/** The visible text of a WordprocessingML part: its w:t runs, one paragraph a line. */
function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

describe('buildManualSkeleton', () => {
  it('is a .docx with the header set and the work’s own texts as its first sections', async () => {
    const bytes = await buildManualSkeleton({
      fullName: '云帆客户关系管理系统',
      version: 'V1.0',
      purpose: '帮助中小企业管理客户',
      mainFunctions: '客户档案管理。\n销售机会跟踪。',
      technicalFeatures: '采用前后端分离架构。',
      runPlatform: 'Windows 10 / Linux',
      languages: 'Java、JavaScript',
    });
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files);
    const headerName = names.find((n) => /^word\/header\d*\.xml$/.test(n))!;
    const header = await zip.file(headerName)!.async('string');
    expect(wordText(header)).toBe('云帆客户关系管理系统 V1.0');
    // The page number is a PAGE field after a right tab: top right.
    expect(header).toMatch(/<w:tab\/>[\s\S]*PAGE/);
    expect(header).toContain('w:val="right"');

    const body = wordText(await zip.file('word/document.xml')!.async('string'));
    expect(body.split('\n').slice(0, 2)).toEqual(['云帆客户关系管理系统用户手册', '版本：V1.0']);
    expect(body).toContain('1.1 编写目的\n帮助中小企业管理客户');
    expect(body).toContain('3 主要功能\n客户档案管理。\n销售机会跟踪。\n4 技术特点\n采用前后端分离架构。');
    expect(body).toContain('运行平台 / 操作系统：Windows 10 / Linux');
    expect(body).toContain('编程语言：Java、JavaScript');
    // What the work does not say yet is marked to fill in.
    expect(body).toContain('1.2 面向领域\n（待填写：面向领域 / 行业）');
    expect(body).toContain('运行的硬件环境：（待填写）');
    expect(body).toMatch(/5 操作说明[\s\S]*截图/);

    // A4 with exactly 20 pt between lines.
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/w:line="400" w:lineRule="exact"/);
  });
});
