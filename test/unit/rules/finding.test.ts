import { describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import { RULES } from '@/utils/rules/catalogue';
import { finding } from '@/utils/rules/finding';

describe('finding()', () => {
  it('puts Chinese first, then " / ", then English', () => {
    // id.resident: the example from the brief
    const f = finding('id.resident', 'idNumber', '身份证号码校验位错误，应为 X', 'wrong check digit, expected X');
    expect(f).toEqual({
      rule: 'id.resident',
      severity: 'error',
      key: 'idNumber',
      message: '身份证号码校验位错误，应为 X / wrong check digit, expected X',
    });
    expect(Finding.parse(f)).toEqual(f);
  });

  it("defaults the severity to the rule's catalogue severity and allows a lower one", () => {
    expect(finding('id.email', 'email', '甲', 'a').severity).toBe(RULES['id.email'].severity);
    expect(finding('id.resident', 'idNumber', '甲', 'a', 'warning').severity).toBe('warning');
  });

  it('omits the key when there is none', () => {
    expect('key' in finding('id.uscc', undefined, '甲', 'a')).toBe(false);
  });
});
