import { beforeEach, describe, expect, it, vi } from 'vitest';
import { detectPage } from '@/utils/content/detect/detect';
import { advance, loadConsole } from '../replicas/console-kit';

const HOST = 'https://copyright.console.aliyun.com';
beforeEach(() => {
  document.body.innerHTML = '';
});
const kind = (url: string, body: string) => {
  document.body.innerHTML = body;
  return detectPage(url, document)?.page ?? null;
};

const card = (title: string, body = '') => `<div class="ant-card"><div class="ant-card-head"><div class="ant-card-head-title">${title}</div></div><div class="ant-card-body">${body}</div></div>`;
const FORM = card('软件基本信息', '<input class="ant-input">') + card('软件技术特点') + card('著作权人信息', '<input class="ant-input">') + card('软件鉴别材料', '<input type="file">');
const TABLE = (rows: string) => `<div class="ant-table"><table><thead><tr><th>订单号</th><th>软件名称</th><th>订单状态</th><th>操作</th></tr></thead><tbody>${rows}</tbody></table></div>`;
const ROW = '<tr class="ant-table-row"><td>swcopyright_swRegNormal_public_cn-1</td><td>云帆CRM</td><td><span class="ant-tag">阿里云初审</span></td><td><a>查看</a></td></tr>';
const DESCRIPTIONS = '<div class="ant-descriptions"><table><tbody><tr><td><span class="ant-descriptions-item-label">订单号</span><span class="ant-descriptions-item-content">swcopyright_…</span></td><td><span class="ant-descriptions-item-label">订单状态</span><span class="ant-descriptions-item-content"><span class="ant-tag">待授权提交</span></span></td></tr></tbody></table></div>';

describe('Alibaba Cloud console: page kinds from the DOM, the route where it decides', () => {
  it.each([
    ['the 手动填写 form (Ant cards)', '/#/apply/o-1', FORM, 'aliyun.apply'],
    ['the form with numbered h3 part titles, routed by path', '/apply', '<h3>一、软件基本信息</h3><textarea></textarea><h3>三、著作权人信息</h3>', 'aliyun.apply'],
    ['the order list', '/#/order/list', TABLE(ROW), 'aliyun.orders'],
    ['the order list at the console root (the route is a guess)', '/', TABLE(ROW), 'aliyun.orders'],
    ['an order', '/#/order/swcopyright_1', DESCRIPTIONS, 'aliyun.order'],
    ['an order shown as dt/dd', '/detail', '<dl><dt>当前状态</dt><dd>补正</dd></dl>', 'aliyun.order'],
    ['an order with a table of its own (materials): its route says it is the order', '/#/order/swcopyright_1', DESCRIPTIONS + TABLE(ROW), 'aliyun.order'],
    ['the list with an order summary above it: the list route keeps it the list', '/#/order/list', DESCRIPTIONS + TABLE(ROW), 'aliyun.orders'],
  ])('%s', (_name, path, body, want) => expect(kind(HOST + path, body)).toBe(want));
});

describe('never guessed', () => {
  it.each([
    ['the route of the form before it rendered (a spinner)', '/#/apply/o-1', '<div class="ant-spin">加载中…</div>'],
    ['智能识别: the part titles in a help text, no form to type in', '/#/apply/o-1', card('软件基本信息') + card('著作权人信息') + '<input type="file">'],
    ['a read-only summary of the form', '/#/apply/o-1', card('软件基本信息', '<input readonly>') + card('著作权人信息')],
    ['a paragraph that mentions the parts is no title', '/#/apply/o-1', '<h3>请依次填写软件基本信息、软件技术特点、著作权人信息和软件鉴别材料四部分内容</h3><input>'],
    ['an empty order table', '/#/order/list', TABLE('<tr class="ant-table-placeholder"><td colspan="4">暂无数据</td></tr>')],
    ['a 状态 column header is not an order status label', '/#/order/x', '<table><thead><tr><th>订单状态</th></tr></thead></table>'],
    ['a status label with no value beside it', '/#/order/x', '<span class="ant-descriptions-item-label">订单状态</span>'],
    ['the center\'s page kinds do not exist here', '/r11.html#/application', '<input placeholder="请输入软件全称">'],
  ])('%s', (_name, path, body) => expect(kind(HOST + path, body)).toBeNull());

  it.each([
    ['plain http', `http://copyright.console.aliyun.com/#/order/list`],
    ['the console home', 'https://console.aliyun.com/#/order/list'],
    ['the product page', 'https://wanwang.aliyun.com/swcopyright/ruanzhu'],
  ])('%s', (_name, url) => expect(kind(url, TABLE(ROW))).toBeNull());
});

it('the marker is what proved the kind: the status label, the status column, the first part title', () => {
  document.body.innerHTML = DESCRIPTIONS;
  expect(detectPage(`${HOST}/#/order/x`, document)?.marker.textContent).toBe('订单状态');
  document.body.innerHTML = TABLE(ROW);
  expect(detectPage(`${HOST}/#/order/list`, document)?.marker.tagName).toBe('TH');
  document.body.innerHTML = FORM;
  expect(detectPage(`${HOST}/#/apply/x`, document)).toMatchObject({ site: 'aliyun', page: 'aliyun.apply' });
  expect(detectPage(`${HOST}/#/apply/x`, document)?.marker.textContent).toBe('软件基本信息');
});

describe('Fusion replicas of the console: every page recognised by its content, whatever the class prefix and route', () => {
  const { gen } = loadConsole();
  const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
  const expected = (v: { kind: string; url: string }) => (v.kind !== 'aliyun.login-redirect' ? v.kind : new URL(v.url).origin === HOST ? 'aliyun.signed-out' : null);

  it.each(gen.kinds)('%s over 30 seeds', async (k) => {
    vi.useFakeTimers();
    try {
      const seen: string[] = [];
      for (const seed of SEEDS) {
        const v = gen.generate(k, seed);
        document.body.innerHTML = '';
        (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(v.url);
        gen.mount(v, document);
        await advance(3000);
        const got = detectPage(location.href, document)?.page ?? null;
        if (got !== expected(v)) seen.push(`${seed} (${v.app?.prefix ?? ''} ${v.url}): ${got}`);
      }
      expect(seen).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a prefix the replicas never use, on a card title and a fixed-header table', () => {
    const body = `<div class="acme-table acme-table-medium"><div class="acme-table-header-inner"><table><thead><tr><th>订单号</th><th>状态</th></tr></thead></table></div><div class="acme-table-body"><table><tbody><tr><td>2026301437509542</td><td>初审中</td></tr></tbody></table></div></div>`;
    expect(kind(`${HOST}/orders`, body)).toBe('aliyun.orders');
    expect(kind(`${HOST}/x`, `<div class="acme-card"><div class="acme-card-title">基本信息</div><input></div><div class="acme-card"><div class="acme-card-title">著作权人</div></div>`)).toBe('aliyun.apply');
  });
});
