import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { checkOwner } from '@/utils/rules/owner';
import { sampleBundle } from '../helpers';

const TODAY = '2026-11-23';
const [samplePerson, sampleCompany] = sampleBundle().owners.map((o: unknown) => Owner.parse(o));
// Without the authenticated values, so that each case below shows only its identity finding
// (realname.match has its own tests in consistency.test.ts).
const person: Owner = { ...samplePerson, realName: undefined };
const company: Owner = { ...sampleCompany, realName: undefined };
const ruleAndKey = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.key}:${f.severity}`);

describe('checkOwner', () => {
  it('finds nothing wrong with the sample owners', () => {
    expect(checkOwner(samplePerson, TODAY)).toEqual([]);
    expect(checkOwner(sampleCompany, TODAY)).toEqual([]);
  });

  it.each<[string, Owner, string[]]>([
    ['wrong resident ID check digit', { ...person, idNumber: '110105199003072013' }, ['id.resident@idNumber:error']],
    ['wrong USCC check character', { ...company, idNumber: '91110108MA01C3KX5R' }, ['id.uscc@idNumber:error']],
    ['passport number of the wrong shape', { ...person, idType: '护照', idNumber: '12345' }, ['id.type-matches-kind@idNumber:error']],
    // the number is reported once, as the wrong kind, not also as a bad USCC
    ['company with a personal ID number', { ...company, idNumber: '110105199003072012' }, ['id.type-matches-kind@idNumber:error']],
    ['person with a USCC', { ...person, idNumber: '91110108MA01C3KX5Q' }, ['id.type-matches-kind@idNumber:error']],
    ['person with category 企业法人', { ...person, category: '企业法人' }, ['id.type-matches-kind@category:error']],
    ['company with a person ID type', { ...company, idType: '居民身份证' }, ['id.type-matches-kind@idType:error', 'id.resident@idNumber:error']],
    ['mobile with a bad prefix', { ...person, phone: '12800138000' }, ['id.mobile@phone:error']],
    ['bad landline', { ...company, landline: '62345678' }, ['id.mobile@landline:error']],
    ['bad email', { ...person, email: 'zhangsan@example' }, ['id.email@email:error']],
    ['bad postcode', { ...person, postcode: '10002' }, ['id.postcode@postcode:error']],
    ['bad account phone', { ...person, account: { username: 'z', phone: '1380013800', email: 'zhangsan@example.com' } }, ['id.mobile@account.phone:error']],
    ['bad account email', { ...person, account: { username: 'z', phone: '13800138000', email: 'zhangsan' } }, ['id.email@account.email:error']],
    ['full-width postcode', { ...person, postcode: '１０００２２' }, ['id.postcode@postcode:warning']],
  ])('%s', (_name, owner, expected) => expect(ruleAndKey(checkOwner(owner, TODAY))).toEqual(expected));

  it('skips the 6-digit postcode rule for an address abroad', () => {
    expect(checkOwner({ ...person, country: '德国', idType: '护照', idNumber: 'C01X00T47', postcode: '10115 Berlin' }, TODAY)).toEqual([]);
  });

  it('reports nothing for an empty draft (required-ness is not a format finding)', () => {
    expect(checkOwner(Owner.parse({ id: 'x', kind: 'person' }), TODAY)).toEqual([]);
  });

  it('never throws, whatever the draft holds, and returns valid findings', () => {
    const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything());
    const draft = fc.record(
      {
        id: value,
        kind: fc.oneof(fc.constantFrom('person', 'organization'), value),
        category: value,
        idType: fc.oneof(fc.constantFrom('居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '统一社会信用代码证书'), value),
        idNumber: fc.oneof(fc.stringMatching(/^[0-9Xx]{17,19}$/), value),
        country: value,
        postcode: value,
        phone: fc.oneof(fc.stringMatching(/^\+?[0-9 -]{8,16}$/), value),
        landline: value,
        email: fc.oneof(fc.emailAddress(), value),
        account: fc.oneof(fc.record({ phone: value, email: value }, { requiredKeys: [] }), value),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(draft, (d) => {
        const fs = checkOwner(d as Owner);
        for (const f of fs) Finding.parse(f);
      }),
      { numRuns: 2000 },
    );
    for (const weird of [undefined, null, 0, 'text', [], { account: null }, { idNumber: 'x'.repeat(5_000_000) }]) {
      expect(() => checkOwner(weird as unknown as Owner)).not.toThrow();
    }
  });

  it('accepts what fast-check thinks is an email address', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => checkOwner({ ...person, email }, TODAY).length === 0));
  });

  it('is fast enough to run on every keystroke', () => {
    const drafts = Array.from({ length: 2000 }, (_, i) => ({ ...company, name: company.name + i, idNumber: company.idNumber.slice(0, i % 19) }));
    const start = performance.now();
    for (const d of drafts) checkOwner(d, TODAY);
    // about 0.01 ms per call here; the bound only catches an accidental blow-up
    expect((performance.now() - start) / drafts.length).toBeLessThan(1);
  });
});
