// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '@/utils/rules/identity';
import { redact, scanSecrets, type SecretKind } from '@/utils/materials/secrets';

const kinds = (text: string) => scanSecrets('a.js', text).map((h) => h.kind);
const masked = (text: string) => scanSecrets('a.js', text).map((h) => text.substr(h.column - 1, h.length));
const ID17 = '11010519900307201';
const ID = ID17 + residentIdCheckChar(ID17);
const WRONG_ID = ID17 + (ID.endsWith('3') ? '4' : '3');

describe('scanSecrets', () => {
  it.each<[string, string, SecretKind, string]>([
    ['an Aliyun AccessKey', 'const ak = "LTAI5tAbCdEfGhIjKlMnOpQr";', 'access-key', 'LTAI5tAbCdEfGhIjKlMnOpQr'],
    ['an AWS key id', 'aws_id = AKIAIOSFODNN7EXAMPLE', 'access-key', 'AKIAIOSFODNN7EXAMPLE'],
    ['a GitHub token', 'token: ghp_0123456789abcdefghijABCDEFGHIJ012345', 'token', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
    ['an OpenAI key', 'const k = `sk-proj-abcdefghijklmnopqrstuvwx`', 'token', 'sk-proj-abcdefghijklmnopqrstuvwx'],
    ['a JWT', 'auth = eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N', 'token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N'],
    ['a webhook token in a URL', 'post("https://oapi.dingtalk.com/robot/send?access_token=8d4f2a6c9b1e3f5a")', 'token', '8d4f2a6c9b1e3f5a'],
    ['a password in an assignment', 'spring.datasource.password = "S3cr3t!pass"', 'password', 'S3cr3t!pass'],
    ['an appSecret in an object', "{ appSecret: 'a1b2c3d4e5f6' }", 'password', 'a1b2c3d4e5f6'],
    ['a 密码 in Chinese', "const 密码 = 'Abc@12345';", 'password', 'Abc@12345'],
    ['a database URL with its password', 'url: "mysql://root:p4ssw0rd@localhost:3306/app"', 'credential-url', 'p4ssw0rd'],
    ['a private IP', "const host = '192.168.1.20';", 'private-address', '192.168.1.20'],
    ['a 10.x address', 'server 10.0.12.5:8080;', 'private-address', '10.0.12.5'],
    ['a 172.16–31 address', 'ip=172.20.3.4', 'private-address', '172.20.3.4'],
    ['an intranet URL', 'fetch("http://erp.corp/api")', 'private-address', 'http://erp.corp'],
    ['a mainland mobile', '// 联系人：张三 13812345678', 'mobile', '13812345678'],
    ['a mobile with dashes', 'tel: 138-1234-5678', 'mobile', '138-1234-5678'],
    ['a resident ID number', `// 身份证 ${ID}`, 'resident-id', ID],
    ['an email', '@author zhang.san@yunfan-tech.cn', 'email', 'zhang.san@yunfan-tech.cn'],
  ])('finds %s and marks only the part to mask', (_name, text, kind, part) => {
    expect(kinds(text)).toEqual([kind]);
    expect(masked(text)).toEqual([part]);
  });

  it('finds a private key across its lines', () => {
    const text = 'const key = `\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n`;';
    const [hit] = scanSecrets('k.js', text);
    expect(hit).toMatchObject({ kind: 'private-key', line: 2, endLine: 4, column: 1, id: 'k.js:2:1' });
  });

  it.each<[string, string]>([
    ['a placeholder password', 'password = "${DB_PASSWORD}"'],
    ['a label', "password: '请输入密码'"],
    ['a masked value', 'pwd = "********"'],
    ['an environment lookup', 'const password = process.env.DB_PASSWORD;'],
    ['a tokenizer', "tokenizer = 'bert-base-chinese'"],
    ['a version number', 'version = 10.2.3.4.5'],
    ['an IP with a bad octet', 'x = 192.168.300.1'],
    ['a public IP', 'dns = 8.8.8.8'],
    ['plain localhost', 'http://localhost:8080/api'],
    ['a wrong ID check digit', `id = ${WRONG_ID}`],
    ['a timestamp', 'const t = 1700000000000;'],
    ['an example address', 'mail = "user@example.com"'],
    ['an image name', "import logo from './logo@2x.png';"],
    ['an npm scope', "import x from '@scope/pkg';"],
    ['a git remote', 'git@github.com:acme/app.git'],
  ])('leaves %s alone', (_name, text) => {
    expect(scanSecrets('a.js', text)).toEqual([]);
  });

  it('gives each hit its line and column, in order, and a preview that hides the middle', () => {
    const hits = scanSecrets('src/cfg.js', 'a\n\nconst phone = "13912345678"; const mail = "li.si@acme.cn";\n');
    expect(hits.map((h) => [h.id, h.kind, h.line, h.column])).toEqual([
      ['src/cfg.js:3:16', 'mobile', 3, 16],
      ['src/cfg.js:3:44', 'email', 3, 44],
    ]);
    expect(hits[0].preview).toBe('13*******78');
  });
});

describe('redact', () => {
  it('masks the chosen hits and whole lines, keeping line breaks and indentation', () => {
    const text = 'const ak = "LTAI5tAbCdEfGhIjKlMnOpQr";\n    call("x");\r\nend\n';
    const hits = scanSecrets('a.js', text);
    expect(redact(text, hits, new Set([2]))).toBe('const ak = "************************";\n    **********\r\nend\n');
    expect(redact(text, [], new Set())).toBe(text);
  });
});
