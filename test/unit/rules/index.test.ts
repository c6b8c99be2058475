import { describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/schema/finding';
import { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import * as rules from '@/utils/rules';
import { boundaryFinding } from '@/utils/materials/source-document';
import { sampleBundle } from '../helpers';

const bundle = sampleBundle();
const [person, company]: Owner[] = bundle.owners.map((o: unknown) => Owner.parse(o));
const crm: Work = Work.parse(bundle.works[0]);
const TODAY = '2026-11-23';
const page = (over: Partial<rules.PdfPageReport>): rules.PdfPageReport => ({
  page: 1, lines: 57, bodyLines: 55, header: '云帆客户关系管理系统 V1.0', footer: '- 1 -', pageNumber: '- 1 -', images: false, empty: false, text: [], ...over,
});
const pdf = (pageReports: rules.PdfPageReport[], pages = 60): rules.PdfReport => ({ ok: true, fileSize: 1000, pages, pageReports });

/** One call per catalogue entry that produces a finding of that rule: the catalogue lists only what is implemented. */
const producers: Record<Exclude<rules.RuleId, 'realname.photo.watermark'>, () => Finding[]> = {
  'id.resident': () => rules.checkResidentId('110105199003072013', 'idNumber', TODAY),
  'id.uscc': () => rules.checkUscc('91110108MA01C3KX5R', 'idNumber'),
  'id.type-matches-kind': () => rules.checkTypeMatchesKind({ kind: 'person', category: '企业法人' }),
  'id.mobile': () => rules.checkMobile('12800138000', 'phone'),
  'id.postcode': () => rules.checkPostcode('1000', 'postcode'),
  'id.email': () => rules.checkEmail('a@b', 'email'),
  'account.unique-phone': () => rules.checkAccountsUnique([person, { ...company, account: { username: '', phone: person.phone, email: '' } }]),
  'account.unique-email': () => rules.checkAccountsUnique([person, { ...company, email: person.email }]),
  'realname.match': () => rules.checkRealNameMatch({ ...person, name: '张叁' }),
  'realname.required': () => rules.checkRealNameRequired({ ...crm, ownerIds: [] }, []),
  'realname.photo.format': () => rules.checkPhoto({ fileName: 'a.jpg', fileSize: 10, head: new TextEncoder().encode('%PDF-1.7'), width: 0, height: 0, metrics: null }),
  'realname.photo.quality': () =>
    rules.checkPhoto({
      fileName: 'a.jpg', fileSize: 10, head: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), width: 1200, height: 900,
      metrics: { workWidth: 512, workHeight: 384, sharpness: 1, glare: 0, edgeContent: { top: 0, right: 0, bottom: 0, left: 0 }, croppedToCard: false, touchedSides: [] },
    }),
  'realname.photo.size': () => rules.checkPhoto({ fileName: 'a.jpg', fileSize: 10, head: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), width: 300, height: 200, metrics: null }),
  'work.fullname': () => rules.checkWork({ ...crm, fullName: '' }, [company], TODAY),
  'work.shortname': () => rules.checkWork({ ...crm, shortName: crm.fullName }, [company], TODAY),
  'work.version': () => rules.checkWork({ ...crm, version: '1.0' }, [company], TODAY),
  'work.dates': () => rules.checkWork({ ...crm, completionDate: '2099-01-01' }, [company], TODAY),
  'work.development-mode': () => rules.checkWork({ ...crm, developmentMode: '委托开发' }, [company], TODAY),
  'work.rights': () => rules.checkWork({ ...crm, rightsScope: '部分权利' }, [company], TODAY),
  'work.lengths': () => rules.checkWork({ ...crm, purpose: '字'.repeat(51) }, [company], TODAY),
  'work.tags': () => rules.checkWork({ ...crm, featureTags: ['APP', '小程序', '游戏软件', '教育软件'] }, [company], TODAY),
  'work.languages': () => rules.checkDeclaredLanguages({ ticked: ['Java'], other: [] }, ['Java', 'CSS']),
  'filing.address': () => rules.checkCertificateAddress('', 'address.chosen'),
  'materials.source.pages': () => rules.checkMaterials(pdf([page({})], 61), 'source', crm),
  'materials.source.lines': () => rules.checkMaterials(pdf([page({ bodyLines: 10 }), page({ page: 2 })]), 'source', crm),
  'materials.doc.pages': () => rules.checkMaterials({ ok: false, fileSize: 3, problem: 'not-pdf', zh: '不是 PDF', en: 'not a PDF' }, 'doc', crm),
  'materials.doc.lines': () => rules.checkMaterials(pdf([page({ bodyLines: 10 }), page({ page: 2 })]), 'doc', crm),
  'materials.header': () => rules.checkMaterials(pdf([page({ header: '' })]), 'source', crm),
  'materials.content': () => rules.checkMaterials(pdf([page({ bodyLines: 0, lines: 2, empty: true })]), 'source', crm),
  'materials.boundaries': () => [boundaryFinding({ startsFile: false, endsFile: true, suggestions: [13] })],
  'materials.consistency': () => rules.checkSameNameAndVersion([{ where: 'a', version: 'V1.0' }, { where: 'b', version: 'V1.1' }]),
  'filing.signature-pdf': () => rules.checkSignaturePage({ ok: false, fileSize: 3, problem: 'not-pdf', zh: '不是 PDF', en: 'not a PDF' }, {}, 'scan.pdf'),
};

describe('the rules catalogue', () => {
  it.each(Object.entries(producers))('%s is implemented', (rule, produce) => {
    expect(produce().map((f) => f.rule)).toContain(rule);
  });

  it('has an entry for every producer and nothing else but the watermark wording', () => {
    expect(Object.keys(rules.RULES).sort()).toEqual([...Object.keys(producers), 'realname.photo.watermark'].sort());
    expect(rules.WATERMARK_TEXT).toBe('仅供办理中国版权保护中心各项申请使用');
  });

  it('gives every rule a severity and a title in both languages', () => {
    for (const info of Object.values(rules.RULES)) {
      expect(['error', 'warning', 'info']).toContain(info.severity);
      expect(info.zh).toMatch(/\p{Script=Han}/u);
      expect(info.en).toMatch(/^[A-Z]/);
    }
  });

  it('exports the public API from one place', () => {
    for (const name of ['checkOwner', 'checkWork', 'FIELD_LIMITS', 'checkRealNameMatch', 'checkRealNameRequired', 'checkAccountsUnique', 'checkSameNameAndVersion', 'sniffImageFormat', 'analysePixels', 'checkPhoto', 'analysePdf', 'checkMaterials', 'finding']) {
      expect(typeof (rules as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
  });
});
