import { describe, expect, it } from 'vitest';
import { filingDetailGuide, filingListGuide } from '@/utils/content/status-guide/filings';
import { renderGuide } from '@/utils/content/status-guide/guide-panel';
import type { FilingReading } from '@/utils/schema/filing';

// The status guide on the center's filing pages: built from the page's text alone (no profile is
// loaded there), with the next step of each status, the 补正 deadline and the reasons' fields.

const reading = (over: Partial<FilingReading> = {}): FilingReading => ({ flowNumber: '2026R11L0108874', softwareName: '云帆协同办公平台', version: 'V2.0', status: '待补正', ...over });
const correction = reading({ correction: { noticeDate: '2026-11-20', reasons: ['软件名称与程序鉴别材料页眉中的名称不一致', '签章页未盖章', '请补充说明'] } });

describe('the filing detail’s guide', () => {
  it('a 补正: meaning, steps, how long, the deadline from the notice and each reason’s fields and materials', () => {
    const g = filingDetailGuide(correction, '2026-12-02');
    const [b] = g.blocks;
    expect(g.title).toEqual({ zh: '登记状态说明', en: 'filing status guide' });
    expect(b).toMatchObject({ status: '待补正', stage: 'correction', orders: ['云帆协同办公平台 V2.0 · 2026R11L0108874'] });
    expect(b.steps.map((s) => s.zh).join('')).toContain('去补正');
    expect(b.sections.map((s) => s.title.zh)).toEqual(['之后多久', '补正期限', '补正原因']);
    const [, deadline, reasons] = b.sections;
    expect(deadline.kind === 'lines' && deadline.lines).toEqual([expect.objectContaining({ tone: 'info', zh: '补正通知日期 2026-11-20，须在 2026-12-20 前补正（还剩 18 天）；逾期未补正的，视为撤回申请。' })]);
    expect(reasons.kind === 'reasons' && reasons.items).toEqual([
      { text: '软件名称与程序鉴别材料页眉中的名称不一致', fields: [{ name: { zh: '软件全称', en: 'Full name' }, filled: null }], materials: ['程序鉴别材料'] },
      { text: '签章页未盖章', fields: [], materials: ['签章页'] },
      { text: '请补充说明', fields: [], materials: [] },
    ]);
  });

  it('the deadline turns red when close or past; without a date on the page it asks for one', () => {
    const line = (today: string, r = correction) => {
      const s = filingDetailGuide(r, today).blocks[0].sections[1];
      return s.kind === 'lines' ? s.lines[0] : null;
    };
    expect(line('2026-12-12')).toMatchObject({ tone: 'warning', zh: expect.stringContaining('还剩 8 天') });
    expect(line('2026-12-20')).toMatchObject({ tone: 'error', zh: expect.stringContaining('今天到期') });
    expect(line('2026-12-23')).toMatchObject({ tone: 'error', zh: expect.stringContaining('已过期 3 天') });
    expect(line('2026-12-02', reading())).toMatchObject({ tone: 'warning', zh: expect.stringContaining('请在选项页“登记进度”中填写') });
  });

  it('other statuses: their next step and duration; a status nobody knows is shown as the page says it, unexplained', () => {
    expect(filingDetailGuide(reading({ status: '待上传签章页' }), '2026-12-02').blocks[0].steps.map((s) => s.zh).join('')).toMatch(/打印签章页[\s\S]*PDF/);
    expect(filingDetailGuide(reading({ status: '待审查' }), '2026-12-02').blocks[0].sections).toEqual([{ kind: 'lines', title: { zh: '之后多久', en: 'How long' }, lines: [expect.objectContaining({ zh: expect.stringContaining('60 日') })] }]);
    const unknown = filingDetailGuide(reading({ status: '不予登记' }), '2026-12-02').blocks[0];
    expect(unknown).toMatchObject({ stage: null, name: { zh: '不予登记' }, steps: [], sections: [] });
  });
});

describe('the filing list’s guide', () => {
  it('one block per status present, in the list’s order, naming its filings', () => {
    const g = filingListGuide([reading({ status: '待上传签章页', flowNumber: '2026R11L0125852', softwareName: '云帆客户关系管理系统', version: 'V1.0' }), reading(), reading({ status: '待上传签章页', flowNumber: '2026R11L0000001', softwareName: '甲', version: '' })]);
    expect(g.blocks.map((b) => [b.stage, b.orders])).toEqual([
      ['signature', ['云帆客户关系管理系统 V1.0 · 2026R11L0125852', '甲 · 2026R11L0000001']],
      ['correction', ['云帆协同办公平台 V2.0 · 2026R11L0108874']],
    ]);
  });

  it('renders with its own title, 登记 for its items and no 重新核对 (it checks no profile)', () => {
    const box = document.createElement('div');
    renderGuide(box, filingListGuide([reading()]), false, { toggle: () => undefined });
    expect(box.querySelector('header')!.textContent).toContain('软著助手 · 登记状态说明');
    expect(box.querySelector('.orders')!.textContent).toBe('登记：云帆协同办公平台 V2.0 · 2026R11L0108874');
    expect(box.querySelector('.recheck')).toBeNull();
    expect(box.querySelector('article.block')!.getAttribute('data-stage')).toBe('correction');
  });
});
