import { describe, expect, it } from 'vitest';
import { sharedAccountFindings } from '@/utils/findings/accounts';
import { groupFindings } from '@/utils/findings/groups';
import { renderGroups } from '@/utils/content/checks/panel';
import { renderVerdict } from '@/utils/content/checks/verdict-ui';
import type { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { sampleBundle } from '../helpers';
import { useZhMessages } from './zh-messages';

useZhMessages();

// The panel's and the verdicts' DOM: page text only ever as text, links only to fields on the page.

const hostile = '<img src=x onerror="window.__owned=1"><b>系统</b>';
const findings: Finding[] = [
  { rule: 'work.fullname', severity: 'error', key: 'work.fullName', message: `软件全称不能含有符号 ${hostile} / the full name cannot contain ${hostile}` },
  { rule: 'realname.required', severity: 'error', key: 'owners.1.name', message: '第 2 著作权人“张三”尚未实名认证 / owner 2 is not authenticated' },
];

describe('renderGroups', () => {
  it('sets every text as text, and links a field only when the page shows it', () => {
    const focused: string[] = [];
    const groups = groupFindings(findings, 'ccopyright.r11.application', (key) => key === 'work.fullName');
    const body = renderGroups(document, groups, (key) => focused.push(key));
    expect(body.querySelectorAll('img, b')).toHaveLength(0);
    expect(body.querySelector('[data-finding-key="work.fullName"] .rz-msg')!.textContent).toContain(hostile);
    const links = body.querySelectorAll<HTMLButtonElement>('.rz-link');
    expect([...links].map((l) => l.textContent)).toEqual(['软件全称']);
    links[0].click();
    expect(focused).toEqual(['work.fullName']);
    // The co-owner's row is on another step: named, not linked.
    expect(body.querySelector('[data-finding-key="owners.1.name"] .rz-field')!.textContent).toBe('著作权人 2 · 名称（姓名）');
    expect([...body.querySelectorAll('section.rz-group h3')].map((h) => h.textContent)).toEqual(['本页 · R11 · 软件申请信息 / Application information', 'R11 · 软件开发信息 / Development information']);
  });

  it('says so when there is nothing to report', () => {
    expect(renderGroups(document, [], () => undefined).querySelector('.rz-none')!.textContent).toBe('未发现问题。');
  });
});

describe('renderVerdict', () => {
  it('lists the findings as text, worst first in its colour', () => {
    const box = renderVerdict(document, { state: 'done', findings: [{ rule: 'realname.photo.format', severity: 'error', message: `文件名 ${hostile}` }], details: ['1200×900'] });
    expect(box.dataset.worst).toBe('error');
    expect(box.querySelectorAll('img, b')).toHaveLength(0);
    expect(box.querySelector('li[data-rule="realname.photo.format"]')!.textContent).toContain(hostile);
    expect(box.textContent).toContain('1200×900');
    expect(box.querySelector('.rz-v-head')!.textContent).toBe('错误 1 · 警告 0 · 提示 0');
    expect(box.textContent).toContain('只在本机检查，不上传、不保存。');
  });

  it('shows what is already known while the check goes on, without a final count', () => {
    const box = renderVerdict(document, { state: 'checking', findings: [{ rule: 'realname.photo.size', severity: 'warning', message: '文件 20.6 MB，超过 5.0 MB 的限制' }], details: ['4000×3000'] });
    expect(box.dataset.state).toBe('checking');
    expect(box.dataset.worst).toBe('warning');
    expect(box.querySelector('.rz-v-head')!.textContent).toBe('错误 0 · 警告 1 · 提示 0；正在检查画质…');
    expect(box.querySelector('li[data-rule="realname.photo.size"]')).not.toBeNull();
    expect(box.textContent).toContain('4000×3000');
    expect(renderVerdict(document, { state: 'checking' }).querySelector('.rz-v-head')!.textContent).toBe('正在本机检查…');
  });

  it('reports a partial check without claiming the file is fine', () => {
    const box = renderVerdict(document, { state: 'done', findings: [], details: [], note: 'too big' });
    expect(box.dataset.worst).toBe('partial');
    expect(box.textContent).toContain('too big');
    expect(box.querySelector('.rz-v-head')).toBeNull();
  });
});

describe('sharedAccountFindings (account.unique-phone / -email)', () => {
  const [zhang, yunfan] = sampleBundle().owners.map((o: unknown) => Owner.parse(o));

  it('keys the finding to the field that holds the shared value', () => {
    // Zhang's account phone and the company's own phone (no account recorded) are the same number.
    const company = { ...yunfan, account: undefined, phone: zhang.account!.phone };
    const onCompany = sharedAccountFindings(company, [zhang, yunfan]);
    expect(onCompany.map((f) => [f.rule, f.key])).toEqual([['account.unique-phone', 'phone']]);
    expect(sharedAccountFindings(zhang, [zhang, company]).map((f) => [f.rule, f.key])).toEqual([['account.unique-phone', 'account.phone']]);
  });

  it('compares a new draft with every stored owner, and a stored owner with the others only', () => {
    const draft = { ...zhang, id: '', name: '李四', account: { username: 'lisi', phone: '13900000000', email: zhang.account!.email } };
    expect(sharedAccountFindings(draft, [zhang, yunfan]).map((f) => f.rule)).toEqual(['account.unique-email']);
    expect(sharedAccountFindings(zhang, [zhang, yunfan])).toEqual([]);
  });
});
