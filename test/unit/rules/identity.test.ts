import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding } from '@/utils/schema/finding';
import {
  checkEmail,
  checkForeignPermanentResidence,
  checkHkMacauPermit,
  checkIdNumber,
  checkLandline,
  checkMobile,
  checkPassport,
  checkPostcode,
  checkResidentId,
  checkTaiwanPermit,
  checkTypeMatchesKind,
  checkUscc,
  isChina,
  normaliseMobile,
  normaliseResidentId,
  parseLandline,
  residentIdCheckChar,
  usccCheckChar,
} from '@/utils/rules/identity';

/*
 * Every valid number below was computed with the GB 11643 / GB 32100 algorithms (a separate
 * script), not made up; the invalid ones differ from a valid one in exactly the tested way.
 */

const TODAY = '2026-11-23';
/** rule, severity and the Chinese half of the message: enough to tell findings apart in a table. */
const brief = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}:${f.message.split(' / ')[0]}`);

describe('id.resident check character (GB 11643)', () => {
  it.each([
    ['11010519900307201', '2'],
    ['44030619851231002', '2'],
    ['31011520000229123', '5'],
    ['11010519900307005', 'X'],
    ['91184019900101001', '8'],
  ])('%s → %s', (first17, expected) => expect(residentIdCheckChar(first17)).toBe(expected));

  it('refuses anything that is not 17 digits', () => {
    expect(residentIdCheckChar('1101051990030720')).toBeNull();
    expect(residentIdCheckChar('1101051990030720X')).toBeNull();
  });
});

describe('id.resident', () => {
  it.each([
    '110105199003072012',
    '440306198512310022',
    '310115200002291235', // 29 February 2000 exists (divisible by 400)
    '650102199911110017',
    '320102197001010230',
    '11010519900307005X',
    '11010519900307005x', // lower-case x is accepted
    ' 110105199003072012 ', // trimming is not a change
  ])('accepts %s', (id) => expect(checkResidentId(id, 'idNumber', TODAY)).toEqual([]));

  it.each<[string, string[]]>([
    ['110105199003072013', ['id.resident:error:身份证号码校验位错误，应为 2']],
    ['11010519900307005 ', ['id.resident:error:身份证号码应为 18 位，现为 17 位']],
    ['1101051990030720122', ['id.resident:error:身份证号码应为 18 位，现为 19 位']],
    ['11010519900307201A', ['id.resident:error:身份证号码第 18 位是“A”，只能是数字（最后一位可为 X）']],
    ['110105 99003072012', ['id.resident:error:身份证号码第 7 位是空格，只能是数字（最后一位可为 X）']],
    ['11010519900X072012', ['id.resident:error:身份证号码只有最后一位可以是 X']],
    ['990105199003072016', ['id.resident:error:身份证号码前两位 99 不是省级行政区划代码']],
    ['110105199002302015', ['id.resident:error:身份证号码中的出生日期 19900230 不存在']],
    ['110105190002292012', ['id.resident:error:身份证号码中的出生日期 19000229 不存在']], // 1900 is no leap year
    ['110105202701012011', ['id.resident:error:身份证号码中的出生日期 2027-01-01 晚于今天']],
  ])('rejects %s', (id, expected) => expect(brief(checkResidentId(id, 'idNumber', TODAY))).toEqual(expected));

  it('reads full-width digits through NFKC, with a warning and no error', () => {
    const fs = checkResidentId('１１０１０５１９９００３０７２０１２', 'idNumber', TODAY);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'id.resident', severity: 'warning', key: 'idNumber' });
    expect(fs[0].message).toContain('110105199003072012');
    expect(normaliseResidentId('１１０１０５１９９００３０７００５ｘ')).toBe('11010519900307005X');
  });

  it('still finds the check digit error in a full-width number', () => {
    const fs = checkResidentId('１１０１０５１９９００３０７２０１３', 'idNumber', TODAY);
    expect(fs.map((f) => f.severity)).toEqual(['warning', 'error']);
  });

  it('reports each wrong part, not only the first', () => {
    // province 99, a non-existent date and a wrong check digit at once
    expect(checkResidentId('990105199002300000', 'idNumber', TODAY)).toHaveLength(3);
  });

  it('ignores empty values and survives huge ones', () => {
    expect(checkResidentId('', 'idNumber')).toEqual([]);
    expect(checkResidentId('   ', 'idNumber')).toEqual([]);
    expect(brief(checkResidentId('1'.repeat(1_000_000), 'idNumber'))).toEqual(['id.resident:error:内容过长（1000000 个字符）']);
  });

  it('puts the key on the finding', () => {
    expect(checkResidentId('110105199003072013', 'realName.idNumber', TODAY)[0].key).toBe('realName.idNumber');
  });
});

describe('id.uscc check character (GB 32100)', () => {
  it.each([
    ['91110108MA01C3KX5', 'Q'],
    ['12100000400000000', 'W'],
    ['51110000500000000', 'B'],
    ['Y1110108MA01C3KX5', '3'],
    ['91440300MA5FXXXX1', 'Y'],
  ])('%s → %s', (first17, expected) => expect(usccCheckChar(first17)).toBe(expected));

  it('refuses characters outside the set', () => {
    expect(usccCheckChar('91110108MA01C3KO5')).toBeNull();
    expect(usccCheckChar('9111')).toBeNull();
  });
});

describe('id.uscc', () => {
  it.each(['91110108MA01C3KX5Q', '12100000400000000W', '51110000500000000B', 'Y1110108MA01C3KX53', '91440300MA5FXXXX1Y'])('accepts %s', (code) =>
    expect(checkUscc(code, 'idNumber')).toEqual([]),
  );

  it.each<[string, string[]]>([
    ['91110108MA01C3KX5R', ['id.uscc:error:统一社会信用代码校验位错误，应为 Q']],
    ['91110108MA01C3KX6Q', ['id.uscc:error:统一社会信用代码校验位错误，应为 U']],
    ['911101O8MA01C3KX5Q', ['id.uscc:error:统一社会信用代码不使用字母 I、O、Z、S、V，这里有 O（是否把数字 0、1、2、5 看成了字母？）']],
    ['91110108MA01C3KX5', ['id.uscc:error:统一社会信用代码应为 18 位，现为 17 位']],
    ['91110108-MA01C3KX5Q', ['id.uscc:error:统一社会信用代码含有非法字符 “-”', 'id.uscc:error:统一社会信用代码应为 18 位，现为 19 位']],
    ['B1110108MA01C3KX5N', ['id.uscc:error:第 1 位 B 不是登记管理部门代码（如 1、5、9、Y）']],
    ['91ABCDEFMA01C3KX5Y', ['id.uscc:error:第 3–8 位 ABCDEF 应为 6 位行政区划代码']],
  ])('rejects %s', (code, expected) => expect(brief(checkUscc(code, 'idNumber'))).toEqual(expected));

  it('reads lower case and full width with warnings only', () => {
    expect(brief(checkUscc('91110108ma01c3kx5q', 'idNumber'))).toEqual(['id.uscc:warning:统一社会信用代码中的字母应为大写：91110108MA01C3KX5Q']);
    expect(checkUscc('９１１１０１０８ＭＡ０１Ｃ３ＫＸ５Ｑ', 'idNumber').map((f) => f.severity)).toEqual(['warning']);
  });

  it('ignores empty values and survives huge ones', () => {
    expect(checkUscc('', 'idNumber')).toEqual([]);
    expect(checkUscc('A'.repeat(100_000), 'idNumber')).toHaveLength(1);
  });
});

describe('other ID types (reported as id.type-matches-kind)', () => {
  it.each<[string, (v: string, k: string) => Finding[], string, boolean]>([
    ['Chinese passport E+8', checkPassport, 'E12345678', true],
    ['Chinese passport EA+7', checkPassport, 'EA1234567', true],
    ['Chinese passport G+8', checkPassport, 'g12345678', true],
    ['Chinese passport too short', checkPassport, 'E1234567', false],
    ['Chinese passport starting with a digit', checkPassport, '123456789', false],
    ['HK permit', checkHkMacauPermit, 'H12345678', true],
    ['Macau permit', checkHkMacauPermit, 'M12345678', true],
    ['old HK permit', checkHkMacauPermit, 'H1234567890', true],
    ['HK permit with a wrong letter', checkHkMacauPermit, 'K12345678', false],
    ['HK permit with 9 digits', checkHkMacauPermit, 'H123456789', false],
    ['Taiwan permit', checkTaiwanPermit, '01234567', true],
    ['old Taiwan permit', checkTaiwanPermit, '0123456789(B)', true],
    ['Taiwan permit with 7 digits', checkTaiwanPermit, '0123456', false],
    ['2017 permanent residence card', checkForeignPermanentResidence, 'USA110090010000', true],
    ['2023 permanent residence card', checkForeignPermanentResidence, '911840199001010018', true],
    ['2023 card with a wrong check digit', checkForeignPermanentResidence, '911840199001010019', false],
    ['permanent residence card of another shape', checkForeignPermanentResidence, 'US1100900100', false],
  ])('%s: %s', (_name, check, value, ok) => {
    const fs = check(value, 'idNumber');
    expect(fs.filter((f) => f.severity === 'error')).toHaveLength(ok ? 0 : 1);
    for (const f of fs) expect(f).toMatchObject({ rule: 'id.type-matches-kind', key: 'idNumber' });
  });

  it('checks a foreign passport more loosely than a Chinese one', () => {
    expect(checkPassport('123456789', 'idNumber', '美国')).toEqual([]);
    expect(checkPassport('AB12', 'idNumber', '美国')).toHaveLength(1);
    expect(isChina('中国')).toBe(true);
    expect(isChina('')).toBe(true);
    expect(isChina('China')).toBe(true);
    expect(isChina('日本')).toBe(false);
  });

  it('dispatches on the portal words of the ID type', () => {
    expect(checkIdNumber('居民身份证', '110105199003072013', 'idNumber')[0].rule).toBe('id.resident');
    expect(checkIdNumber('统一社会信用代码证书', '91110108MA01C3KX5R', 'idNumber')[0].rule).toBe('id.uscc');
    expect(checkIdNumber('事业单位法人证书', '12100000400000000X', 'idNumber')[0].rule).toBe('id.uscc');
    expect(checkIdNumber('护照', 'E1234567', 'idNumber')[0].rule).toBe('id.type-matches-kind');
    expect(checkIdNumber('其他', 'anything', 'idNumber')).toEqual([]);
    expect(checkIdNumber('', '110105199003072013', 'idNumber')).toEqual([]);
  });
});

describe('id.type-matches-kind', () => {
  it.each<[string, Parameters<typeof checkTypeMatchesKind>[0], string[]]>([
    ['a person with a resident ID', { kind: 'person', category: '自然人', idType: '居民身份证', idNumber: '110105199003072012' }, []],
    ['a company with a USCC', { kind: 'organization', category: '企业法人', idType: '统一社会信用代码证书', idNumber: '91110108MA01C3KX5Q' }, []],
    ['a person with a passport', { kind: 'person', category: '自然人', idType: '护照', idNumber: 'E12345678' }, []],
    ['a company categorised 自然人', { kind: 'organization', category: '自然人' }, ['category']],
    ['a person categorised 企业法人', { kind: 'person', category: '企业法人' }, ['category']],
    ['a company with a person ID type', { kind: 'organization', category: '企业法人', idType: '居民身份证' }, ['idType']],
    ['a person with an organisation ID type', { kind: 'person', idType: '统一社会信用代码证书' }, ['idType']],
    ['an ID type the portal does not offer', { kind: 'person', idType: '驾驶证' }, ['idType']],
    ['企业法人 with a personal ID number', { kind: 'organization', category: '企业法人', idType: '统一社会信用代码证书', idNumber: '110105199003072012' }, ['idNumber']],
    ['自然人 with a USCC', { kind: 'person', category: '自然人', idType: '居民身份证', idNumber: '91110108MA01C3KX5Q' }, ['idNumber']],
    // 110105199003070439 passes both check algorithms: as a resident ID it is a person's number
    ['a person whose resident ID also passes the USCC check', { kind: 'person', idType: '居民身份证', idNumber: '110105199003070439' }, []],
    ['the kind taken from the category', { category: '企业法人', idType: '居民身份证' }, ['idType']],
    ['nothing known yet', {}, []],
  ])('%s', (_name, owner, keys) => {
    const fs = checkTypeMatchesKind(owner);
    expect(fs.map((f) => f.key)).toEqual(keys);
    for (const f of fs) expect(f).toMatchObject({ rule: 'id.type-matches-kind', severity: 'error' });
  });

  // The R11 owner row's own lists (docs/PORTALS.md): a person's four documents, every 法人's one.
  it.each<[string, Parameters<typeof checkTypeMatchesKind>[0], string[]]>([
    ['a person filed with 其他有效证件', { category: '自然人', idType: '其他有效证件' }, []],
    ['a person with 户口本', { category: '自然人', idType: '户口本' }, []],
    ['a passport, which the row files as 其他有效证件', { category: '自然人', idType: '护照' }, []],
    ['事业单位法人 with its own certificate: the row offers only the USCC certificate', { category: '事业单位法人', idType: '事业单位法人证书' }, ['idType']],
    ['企业法人 with 居民身份证', { category: '企业法人', idType: '居民身份证' }, ['idType']],
    ['自然人 with 统一社会信用代码证书', { category: '自然人', idType: '统一社会信用代码证书' }, ['idType']],
  ])('R11 row: %s', (_name, owner, keys) => {
    expect(checkTypeMatchesKind(owner, 'r11').map((f) => f.key)).toEqual(keys);
  });

  it('the profile’s list is not the row’s: 其他有效证件 is no profile choice', () => {
    expect(checkTypeMatchesKind({ category: '自然人', idType: '其他有效证件' }).map((f) => f.key)).toEqual(['idType']);
  });
});

describe('id.mobile', () => {
  it.each(['13800138000', '19912345678', '+86 138 0013 8000', '+8613800138000', '008613800138000', '138-0013-8000', '１３８００１３８０００'])('accepts the mobile %s', (v) =>
    expect(checkMobile(v, 'phone').filter((f) => f.severity === 'error')).toEqual([]),
  );

  it.each<[string, string]>([
    ['12800138000', '手机号码第二位应为 3–9，现为 2'],
    ['1380013800', '手机号码应为 11 位数字，现为 10 位'],
    ['138001380001', '手机号码应为 11 位数字，现为 12 位'],
    ['010-62345678', '这是固定电话号码，此处需要手机号码（验证码以短信发送）'],
    ['138OO138000', '手机号码只能包含数字（可带 +86 前缀）'],
  ])('rejects the mobile %s', (v, zh) => expect(brief(checkMobile(v, 'phone'))).toEqual([`id.mobile:error:${zh}`]));

  it('removes the +86 prefix and separators', () => {
    expect(normaliseMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normaliseMobile('８６１３８００１３８０００')).toBe('13800138000');
  });

  it.each<[string, ReturnType<typeof parseLandline>]>([
    ['010-62345678', { area: '010', number: '62345678' }],
    ['(010)62345678', { area: '010', number: '62345678' }],
    ['0755 2345678', { area: '0755', number: '2345678' }],
    ['021-6234 5678', { area: '021', number: '62345678' }],
    ['010-62345678-123', { area: '010', number: '62345678', extension: '123' }],
    ['010-62345678转8001', { area: '010', number: '62345678', extension: '8001' }],
    ['+86 10 6234 5678', { area: '010', number: '62345678' }],
    ['62345678', null], // no area code
    ['13800138000', null], // a mobile number
    ['+8613800138000', null],
    ['010-623456', null], // 6 digits
    ['010-623456789', null], // 9 digits
    ['1062345678', null], // no leading 0
  ])('parses the landline %s', (v, expected) => expect(parseLandline(v)).toEqual(expected));

  it('reports a bad landline on its key', () => {
    expect(checkLandline('010-62345678', 'landline')).toEqual([]);
    expect(checkLandline('62345678', 'landline')).toMatchObject([{ rule: 'id.mobile', severity: 'error', key: 'landline' }]);
    expect(checkLandline('', 'landline')).toEqual([]);
  });
});

describe('id.postcode', () => {
  it.each<[string, string[]]>([
    ['100022', []],
    [' 100080 ', []],
    ['10002', ['id.postcode:error:邮政编码应为 6 位数字']],
    ['1000222', ['id.postcode:error:邮政编码应为 6 位数字']],
    ['10002A', ['id.postcode:error:邮政编码应为 6 位数字']],
    ['', []],
  ])('%s', (v, expected) => expect(brief(checkPostcode(v, 'postcode'))).toEqual(expected));

  it('warns about full-width digits but accepts them', () => {
    expect(checkPostcode('１０００２２', 'postcode').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('id.email', () => {
  it.each(['zhangsan@example.com', 'ip@yunfan.example.com', 'first.last+tag@mail.example.cn', "o'brien@example.org", 'a@b.xn--fiqs8s', 'x@sub-domain.example.co'])('accepts %s', (v) =>
    expect(checkEmail(v, 'email')).toEqual([]),
  );

  it.each<[string, string]>([
    ['zhangsan.example.com', '缺少 @'],
    ['a@b@example.com', '只能有一个 @'],
    ['@example.com', '@ 前后都需要内容'],
    ['zhangsan@', '@ 前后都需要内容'],
    ['zhang san@example.com', '不能包含空格'],
    ['张三@example.com', '只能包含英文字母、数字和符号（不能有汉字）'],
    ['zhangsan@example。com', '含有中文标点（如 。、），请改为英文半角符号'],
    ['.zhangsan@example.com', '@ 前的部分格式不对（不能以点开头或结尾，不能有连续的点）'],
    ['zhang..san@example.com', '@ 前的部分格式不对（不能以点开头或结尾，不能有连续的点）'],
    ['zhangsan@localhost', '域名 localhost 不完整（如 example.com）'],
    ['zhangsan@-example.com', '域名 -example.com 格式不对'],
    ['zhangsan@example..com', '域名 example..com 格式不对'],
    ['zhangsan@example.c', '域名后缀 .c 不对'],
    ['zhangsan@example.123', '域名后缀 .123 不对'],
    [`${'a'.repeat(65)}@example.com`, '地址过长'],
  ])('rejects %s', (v, zh) => expect(brief(checkEmail(v, 'email'))).toEqual([`id.email:error:电子邮箱${zh}`]));

  it('reads a full-width @ with a warning', () => {
    expect(checkEmail('zhangsan＠example.com', 'email').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('weird input', () => {
  const checks = { checkResidentId, checkUscc, checkPassport, checkHkMacauPermit, checkTaiwanPermit, checkForeignPermanentResidence, checkMobile, checkLandline, checkPostcode, checkEmail };
  it.each(Object.entries(checks))('%s never throws and returns valid findings', (_name, check) => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        for (const f of check(value as string, 'k')) Finding.parse(f);
      }),
    );
  });

  it('the helpers never throw either', () => {
    for (const value of [undefined, null, 42, {}, [], 'x'.repeat(100_000)]) {
      expect(() => [normaliseResidentId, normaliseMobile, parseLandline, isChina].forEach((f) => f(value as string))).not.toThrow();
      expect(() => checkIdNumber(value as string, value as string, 'k')).not.toThrow();
      expect(() => checkTypeMatchesKind(value as never)).not.toThrow();
    }
  });
});
