import { describe, expect, it } from 'vitest';
import { planScope, scopeValues } from '@/utils/pages/scope';
import { Owner, Work } from '@/utils/schema';
import { sampleBundle } from './helpers';

const bundle = sampleBundle();
const zhang = Owner.parse(bundle.owners[0]);
const yunfan = Owner.parse(bundle.owners[1]);
const crm = Work.parse(bundle.works[0]);

describe('what a content script receives for its page', () => {
  it('login: the one account handle it fills, and nothing of identity, address or software', () => {
    const v = scopeValues('ccopyright.login', { owner: zhang, work: crm, coOwners: [] });
    expect(Object.keys(v.owner!).sort()).toEqual(['account', 'id', 'kind', 'name']);
    expect(v.owner!.account).toEqual({ username: 'zhangsan' });
    expect(v.work).toBeNull();
    // Without a username, the phone is the handle, and still alone.
    const phoneOnly = scopeValues('ccopyright.login', { owner: { ...zhang, account: { username: '', phone: '13800138000', email: 'z@example.com' } }, work: null, coOwners: [] });
    expect(phoneOnly.owner!.account).toEqual({ username: '13800138000' });
  });

  it("sign-up: the phone and email it fills (the owner's own, where the account has none), nothing of identity", () => {
    const v = scopeValues('ccopyright.register', { owner: zhang, work: crm, coOwners: [] });
    expect(v.owner!.account).toEqual({ phone: zhang.account!.phone, email: zhang.account!.email });
    expect(v.owner).toMatchObject({ phone: zhang.phone, email: zhang.email });
    for (const hidden of ['idNumber', 'address', 'category']) expect(v.owner).not.toHaveProperty(hidden);
    expect(v.work).toBeNull();
  });

  it('real-name (person): identity, address and contact, never the software', () => {
    const v = scopeValues('ccopyright.realname.person', { owner: zhang, work: crm, coOwners: [] });
    expect(v.owner).toMatchObject({ idNumber: '110105199003072012', address: '北京市朝阳区建国路88号', realName: { status: 'verified' } });
    expect(v.owner).not.toHaveProperty('tags');
    expect(v.owner).not.toHaveProperty('notes');
    expect(v.work).toBeNull();
  });

  it('R11: the software and the owners’ identity, but not their phones, emails or portal accounts', () => {
    const v = scopeValues('ccopyright.r11.application', { owner: yunfan, work: crm, coOwners: [zhang] });
    expect(v.work).toMatchObject({ fullName: '云帆客户关系管理系统', version: 'V1.0', mainFunctions: crm.mainFunctions, ownerIds: ['o-yunfan'] });
    expect(v.owner).toMatchObject({ name: '北京云帆科技有限公司', idNumber: '91110108MA01C3KX5Q' });
    for (const o of [v.owner!, ...v.coOwners]) {
      for (const hidden of ['phone', 'email', 'account', 'notes', 'tags']) expect(o).not.toHaveProperty(hidden);
    }
    expect(v.work).not.toHaveProperty('notes');
    // Every R11 step gets the same scope: the name and version are compared across steps.
    expect(planScope('ccopyright.r11.features')).toEqual(planScope('ccopyright.r11.application'));
  });

  it('R11 #/confirm: the chosen owner’s contact for the certificate address, and no co-owner’s', () => {
    const v = scopeValues('ccopyright.r11.confirm', { owner: yunfan, work: crm, coOwners: [zhang] });
    expect(v.owner).toMatchObject({ address: yunfan.address, phone: yunfan.phone, postcode: yunfan.postcode });
    for (const hidden of ['phone', 'address', 'postcode', 'email', 'account']) expect(v.coOwners[0]).not.toHaveProperty(hidden);
    expect(v.owner).not.toHaveProperty('email');
  });

  it('what each page receives still parses as a profile', () => {
    for (const page of ['ccopyright.login', 'ccopyright.register', 'ccopyright.realname.org', 'ccopyright.r11.development', 'aliyun.apply', 'aliyun.order']) {
      const v = scopeValues(page, { owner: yunfan, work: crm, coOwners: [zhang] });
      expect(Owner.safeParse(v.owner).success, page).toBe(true);
      if (v.work) expect(Work.safeParse(v.work).success, page).toBe(true);
    }
  });

  it('a page kind the registry does not know receives nothing', () => {
    expect(scopeValues('unknown.page', { owner: yunfan, work: crm, coOwners: [zhang] })).toEqual({ owner: null, work: null, coOwners: [] });
  });
});
