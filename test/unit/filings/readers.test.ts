import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFilingDetail, readFilingList } from '@/utils/content/reading/filings';
import { loadReplicas, type Variant } from '../replicas/load';

// The readers of the center's filing list and detail, on the replicas (test/fixtures/portals/_kit/
// variants-ccopyright.js, kinds ccopyright.filings and ccopyright.filings.detail) in happy-dom.

const { gen } = loadReplicas();
const HOST = 'https://register.ccopyright.com.cn';
const setURL = (u: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(u);

type Row = { flowNumber: string; name: string; version: string; status: string; date: string; steps: string[]; notice?: { date: string; reasons: string[] } };

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

async function mounted(v: Variant, url = v.url) {
  setURL(url);
  gen.mount(v, document);
  await vi.advanceTimersByTimeAsync(1000);
}
const detailUrl = (flowNumber: string) => `${HOST}/accountDetails.html?flowNumber=${flowNumber}&current=soft_register`;
const CANONICAL_ROWS = (gen.canonical('ccopyright.filings') as Variant & { filings: { rows: Row[] } }).filings.rows;

describe('the filing list', () => {
  it('reads every row of the canonical list: 流水号, name, version, the row’s own status, the date', async () => {
    await mounted(gen.canonical('ccopyright.filings'));
    const rows = readFilingList(document.body);
    expect(rows).toEqual(CANONICAL_ROWS.map((r) => ({ flowNumber: r.flowNumber, softwareName: r.name, version: r.version, status: r.status, appliedOn: r.date })));
    expect(rows.map((r) => r.status)).toEqual(['待上传签章页', '待受理', '已发放', '草稿', '待补正']);
  });

  it('trusts the rows, not the tabs’ stale counts', async () => {
    await mounted(gen.canonical('ccopyright.filings'));
    // The replica's tabs say 待补正(0) and 待上传签章页 has no tab: the rows say otherwise.
    expect(document.querySelector('.tabs')!.textContent).toContain('待补正(0)');
    expect(readFilingList(document.body).filter((r) => r.status === '待补正')).toHaveLength(1);
  });

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))('reads seeded variant %i as the generator made it', async (seed) => {
    const v = gen.generate('ccopyright.filings', seed) as Variant & { filings: { rows: Row[] } };
    await mounted(v);
    expect(readFilingList(document.body).map((r) => [r.flowNumber, r.softwareName, r.version, r.status])).toEqual(v.filings.rows.map((r) => [r.flowNumber, r.name, r.version, r.status]));
  });

  it('nothing before the rows render, and nothing from rows the user cannot see', async () => {
    setURL(`${HOST}/account.html?current=soft_register`);
    gen.mount(gen.canonical('ccopyright.filings'), document);
    expect(readFilingList(document.body)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    const rows = document.querySelectorAll<HTMLElement>('.list-table tbody tr');
    rows[1].style.display = 'none';
    expect(readFilingList(document.body).map((r) => r.flowNumber)).not.toContain(CANONICAL_ROWS[1].flowNumber);
  });

  it('reads a list of cards with labelled values', () => {
    document.body.innerHTML = `<div class="list">${CANONICAL_ROWS.slice(0, 2)
      .map((r) => `<div class="card"><p>流水号：${r.flowNumber}</p><p>软件名称：${r.name}</p><p><span>版本号：</span><span>${r.version}</span></p><p>申请状态：<em>${r.status}</em></p><p>提交时间：${r.date} 09:12</p></div>`)
      .join('')}</div>`;
    expect(readFilingList(document.body)).toEqual(
      CANONICAL_ROWS.slice(0, 2).map((r) => ({ flowNumber: r.flowNumber, softwareName: r.name, version: r.version, status: r.status, appliedOn: r.date })),
    );
  });
});

describe('the filing detail', () => {
  it.each(CANONICAL_ROWS.map((r) => [r.status, r] as const))('%s: 流水号, name, version, status and the progress with its dates', async (_status, row) => {
    await mounted(gen.canonical('ccopyright.filings.detail'), detailUrl(row.flowNumber));
    const d = readFilingDetail(document.body, location.href)!;
    expect(d).toMatchObject({ flowNumber: row.flowNumber, softwareName: row.name, version: row.version, status: row.status });
    expect(d.progress!.map((p) => p.step)).toEqual(['提交', '受理', '审查', '发放']);
    expect(d.progress!.filter((p) => p.done).map((p) => p.date)).toEqual(row.steps);
    expect(d.correction === undefined).toBe(!row.notice);
  });

  it('a 补正 notice: its date and reasons', async () => {
    const row = CANONICAL_ROWS.find((r) => r.notice)!;
    await mounted(gen.canonical('ccopyright.filings.detail'), detailUrl(row.flowNumber));
    // Reasons read as text to compare (NFKC: ， is ,), like the console's.
    expect(readFilingDetail(document.body, location.href)!.correction).toEqual({ noticeDate: '2026-11-20', reasons: row.notice!.reasons.map((r) => r.normalize('NFKC')) });
  });

  it('variants: steps without dates, the notice’s date under another label, reasons in one numbered text', async () => {
    const seen = new Set<string>();
    for (let seed = 1; seed < 60; seed++) {
      const v = gen.generate('ccopyright.filings.detail', seed) as Variant & { detail: Row & { stage: number; stepDates: boolean; noticeLabel: string; reasonsAs: string } };
      document.body.innerHTML = '';
      await mounted(v);
      const d = readFilingDetail(document.body, location.href)!;
      const D = v.detail;
      expect(d.status, `seed ${seed}`).toBe(D.status);
      expect(d.progress!.filter((p) => p.done)).toHaveLength(D.stage);
      expect(d.progress!.some((p) => p.date)).toBe(D.stepDates && D.steps.length > 0);
      if (D.notice) {
        expect(d.correction, `seed ${seed}`).toEqual({ noticeDate: D.notice.date, reasons: D.notice.reasons.map((r) => r.normalize('NFKC')) });
        seen.add(`${D.noticeLabel} ${D.reasonsAs}`);
      }
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it('the page’s 流水号 wins over the URL’s; the URL’s serves where the page shows none', () => {
    document.body.innerHTML = '<p>申请状态：待审查</p><p>软件名称：甲 版本号：V1</p>';
    expect(readFilingDetail(document.body, detailUrl('2026R11L0000001'))!.flowNumber).toBe('2026R11L0000001');
    document.body.insertAdjacentHTML('afterbegin', '<h2>流水号：2026R11L0000002</h2>');
    expect(readFilingDetail(document.body, detailUrl('2026R11L0000001'))!.flowNumber).toBe('2026R11L0000002');
    // A label inside a longer word is no label: 认证状态 is not the filing's status.
    document.body.innerHTML = '<p>认证状态：已认证</p>';
    expect(readFilingDetail(document.body, detailUrl('2026R11L0000001'))).toBeNull();
  });
});

describe('a changed page yields an empty reading, never an exception', () => {
  /** Small deterministic changes of a rendered page: removed, emptied, renamed and duplicated elements. */
  function mutate(seed: number) {
    let x = seed * 2654435761;
    const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const all = [...document.body.querySelectorAll('*')];
    for (let i = 0; i < 6; i++) {
      const el = all[Math.floor(rnd() * all.length)];
      if (!el?.isConnected) continue;
      const what = Math.floor(rnd() * 4);
      if (what === 0) el.remove();
      else if (what === 1) el.textContent = '';
      else if (what === 2) el.textContent = ['流水号', '状态', '2026R11L', '申请状态：', '提交受理审查发放'][Math.floor(rnd() * 5)];
      else el.parentElement?.append(el.cloneNode(true));
    }
  }

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('mutation %i', async (seed) => {
    await mounted(gen.canonical('ccopyright.filings'));
    mutate(seed);
    expect(() => readFilingList(document.body)).not.toThrow();
    for (const r of readFilingList(document.body)) expect(r.flowNumber).toMatch(/^20\d{2}R\d{2}L\d+$/);
    document.body.innerHTML = '';
    await mounted(gen.canonical('ccopyright.filings.detail'), detailUrl('2026R11L0108874'));
    mutate(seed);
    expect(() => readFilingDetail(document.body, location.href)).not.toThrow();
  });

  it('without its headers or statuses the list reads as nothing', async () => {
    await mounted(gen.canonical('ccopyright.filings'));
    document.querySelector('thead')!.remove();
    expect(readFilingList(document.body)).toEqual([]);
    document.body.innerHTML = '<table><thead><tr><th>流水号</th><th>软件名称</th></tr></thead><tbody><tr><td>2026R11L0125852</td><td>甲</td></tr></tbody></table>';
    expect(readFilingList(document.body)).toEqual([]);
    expect(readFilingDetail(document.body, 'not a url')).toBeNull();
  });
});
