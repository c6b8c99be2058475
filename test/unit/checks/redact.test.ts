import { describe, expect, it } from 'vitest';
import { REDACTED, redactForPage } from '@/utils/findings/redact';
import { checkApplication } from '@/utils/findings/application';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import type { Finding } from '@/utils/schema/finding';
import { sampleBundle } from '../helpers';

// A finding meant for a portal page never carries a profile value the page has not shown.

const bundle = sampleBundle();
const zhang = Owner.parse(bundle.owners[0]);
const yunfan = Owner.parse(bundle.owners[1]);
const crm = Work.parse(bundle.works[0]);
const values = { owner: yunfan, work: crm, coOwners: [zhang] };
const f = (message: string): Finding => ({ rule: 'realname.match', severity: 'error', message });

describe('redactForPage', () => {
  it('replaces the profile\'s ID numbers, phones, names and software names, in any form', () => {
    const [a, b, c] = redactForPage([f(`证件号码 ${zhang.idNumber} 不对`), f('手机 139 0013 9000 与 13900139000'), f(`${crm.fullName} ${crm.version}`)], values, []);
    expect(a.message).toBe(`证件号码 ${REDACTED} 不对`);
    expect(b.message).not.toContain('13900139000');
    expect(c.message).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('keeps what the page shows itself and the portal\'s own words', () => {
    const [a] = redactForPage([f(`页面上的“${yunfan.name}”是${yunfan.category}，国籍中国`)], values, [yunfan.name]);
    expect(a.message).toBe(`页面上的“${yunfan.name}”是${yunfan.category}，国籍中国`);
  });

  it('the checks of a page built on the sample profiles quote none of their private values', () => {
    const wrong = { ...zhang, idNumber: '110105199003072013', realName: { status: 'verified' as const, name: '张三', idNumber: '110105199003072012' } };
    const fs = checkApplication({
      values: { owner: yunfan, work: { ...crm, ownerIds: [yunfan.id, zhang.id] }, coOwners: [wrong] },
      observed: [{ page: 'ccopyright.r11.development', fields: { 'owners.1.idNumber': { kind: 'text', value: '110105199003072011', maxLength: null, minLength: null } } }],
      current: 'ccopyright.r11.development',
    });
    const shown = redactForPage(fs, { owner: yunfan, work: { ...crm, ownerIds: [yunfan.id, zhang.id] }, coOwners: [wrong] }, ['110105199003072011']);
    // Neither the profile's nor the authenticated number, not even their differing character.
    expect(shown.find((x) => x.rule === 'realname.match' && x.message.startsWith('证件号码与实名认证'))?.message).toMatch(/^证件号码与实名认证的不一致：从第 18 个字符起不同/);
    expect(shown.some((x) => x.rule === 'realname.match' && x.key === 'owners.1.idNumber')).toBe(true);
    for (const x of shown) for (const secret of ['110105199003072012', '110105199003072013', '13800138000', yunfan.idNumber]) expect(x.message).not.toContain(secret);
  });
});
