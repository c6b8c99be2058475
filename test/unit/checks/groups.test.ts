import { describe, expect, it } from 'vitest';
import { countFindings, groupFindings } from '@/utils/findings/groups';
import { findingLabel } from '@/utils/fields/labels';
import { stepOf } from '@/utils/findings/steps';
import type { Finding } from '@/utils/schema/finding';

// Where a finding belongs (the step that shows its field) and how the panel and popup name it.

const f = (key: string | undefined, severity: Finding['severity'] = 'error'): Finding => ({ rule: 'work.version', severity, ...(key ? { key } : {}), message: `${key} / ${key}` });

describe('stepOf', () => {
  it.each([
    ['work.version', 'ccopyright.r11.features', 'ccopyright.r11.application'],
    ['work.completionDate', null, 'ccopyright.r11.development'],
    ['owners.1.idNumber', 'ccopyright.r11.features', 'ccopyright.r11.development'],
    ['work.mainFunctions', 'ccopyright.r11.application', 'ccopyright.r11.features'],
    // A field of the current page belongs to it; an owner field no R11 step has belongs to no step.
    ['owner.idNumber', 'ccopyright.realname.person', 'ccopyright.realname.person'],
    ['owners.0.postcode', 'ccopyright.r11.development', null],
    ['work.firstPublishedCountry', 'ccopyright.r11.features', 'ccopyright.r11.development'],
    ['upload.上传证件照正面', 'ccopyright.realname.person', 'ccopyright.realname.person'],
    // The vendor console's form is its own: a key it lacks belongs to no step there, not to the center's R11.
    ['work.version', 'aliyun.apply', 'aliyun.apply'],
    ['work.languages', 'aliyun.apply', 'aliyun.apply'],
    ['address.recipient', 'aliyun.apply', null],
  ])('%s seen from %s → %s', (key, current, expected) => expect(stepOf(key, current)).toBe(expected));
});

describe('findingLabel', () => {
  it.each([
    ['work.version', '版本号'],
    ['owners.1.idNumber', '著作权人 2 · 证件号码'],
    ['owner.account.phone', '手机号码'],
    ['owners.0.postcode', '著作权人 1 · 邮政编码'],
    ['work.firstPublishedCountry', '首次发表国家'],
    ['work.ownerIds', '著作权人（按顺序）'],
    ['upload.上传手持证件照片', '上传手持证件照片'],
  ])('%s → %s', (key, label) => expect(findingLabel(key)).toBe(label));
});

describe('groupFindings', () => {
  it('puts the current page first, the R11 steps in order, the profiles last; links only what the page shows', () => {
    const findings = [f('owners.0.postcode'), f('work.mainFunctions', 'warning'), f('work.version'), f('owners.1.idNumber'), f(undefined, 'info')];
    const groups = groupFindings(findings, 'ccopyright.r11.development', (key) => key === 'owners.1.idNumber');
    expect(groups.map((g) => [g.step, g.current, g.rows.map((r) => [r.finding.key, r.linkable])])).toEqual([
      ['ccopyright.r11.development', true, [['owners.1.idNumber', true]]],
      ['ccopyright.r11.application', false, [['work.version', false]]],
      ['ccopyright.r11.features', false, [['work.mainFunctions', false]]],
      [null, false, [['owners.0.postcode', false], [undefined, false]]],
    ]);
  });

  it('a repeated value on the confirm step links there, since the page shows it', () => {
    const [group] = groupFindings([f('work.version')], 'ccopyright.r11.confirm', () => true);
    expect([group.step, group.current, group.rows[0].linkable]).toEqual(['ccopyright.r11.confirm', true, true]);
  });

  it('counts by severity', () => {
    expect(countFindings([f('a'), f('b', 'warning'), f('c'), f('d', 'info')])).toEqual({ error: 2, warning: 1, info: 1 });
  });
});
