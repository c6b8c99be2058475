/*
 * The option lists the portals offer, as docs/PORTALS.md gives them [seen]: what a group of
 * options says about itself (a group of 原始取得 / 继受取得 is the 权利取得方式, whatever its label),
 * what a profile's value may become on the page, and the editors' choices.
 */

/** 编程语言: the 21 options of #/features, in the page's order. */
export const PORTAL_LANGUAGES = [
  'Assembly language',
  'C',
  'C#',
  'C++',
  'Delphi/Object Pascal',
  'Go',
  'HTML',
  'Java',
  'JavaScript',
  'MATLAB',
  'Objective-C',
  'PHP',
  'PL/SQL',
  'Perl',
  'Python',
  'R',
  'Ruby',
  'SQL',
  'Swift',
  'Visual Basic',
  'Visual Basic .Net',
] as const;

/** 软件的技术特点: the 15 tags, at most 3 of them. */
export const FEATURE_TAGS = ['APP', '游戏软件', '教育软件', '金融软件', '医疗软件', '地理信息软件', '云计算软件', '信息安全软件', '大数据软件', '人工智能软件', 'VR软件', '5G软件', '小程序', '物联网软件', '智慧城市软件'] as const;
export const FEATURE_TAG_CAP = 3;

/** 软件分类; one current source says the first option now reads APP (conflict). */
export const SOFTWARE_CATEGORY_OPTIONS = ['应用软件', 'APP', '嵌入式软件', '中间件', '操作系统'] as const;
export const SOFTWARE_NOTE_OPTIONS = ['原创', '修改', '修改（含翻译软件、合成软件）'] as const;
export const DEVELOPMENT_MODE_OPTIONS = ['单独开发', '合作开发', '委托开发', '下达任务开发', '独立开发'] as const;
export const RIGHTS_ACQUISITION_OPTIONS = ['原始取得', '继受取得'] as const;
export const RIGHTS_SCOPE_OPTIONS = ['全部权利', '部分权利'] as const;
export const PUBLICATION_OPTIONS = ['未发表', '已发表'] as const;

/** 著作权人类别 as the R11 owner row offers them: a natural person, then the four legal persons. */
export const R11_OWNER_CATEGORIES = ['自然人', '企业法人', '机关法人', '事业单位法人', '社会团体法人'] as const;
/** 著作权人类别 as any page may word them. */
export const OWNER_CATEGORY_OPTIONS = [...R11_OWNER_CATEGORIES, '其他组织', '个人', '企业', '事业法人', '社团法人'] as const;
/** 证件类型 of the R11 owner row: a natural person's four, every legal person's one. */
export const PERSON_DOCUMENTS = ['居民身份证', '军人身份证明（军官证、士兵证等）', '户口本', '其他有效证件'] as const;
export const ORGANIZATION_DOCUMENTS = ['统一社会信用代码证书'] as const;
/** Documents other identity forms list (real-name authentication): enough to tell a document list from any other. */
const OTHER_DOCUMENTS = ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证', '营业执照', '事业单位法人证书', '社会团体法人登记证书'] as const;
export const DOCUMENT_OPTIONS = [...PERSON_DOCUMENTS, ...ORGANIZATION_DOCUMENTS, ...OTHER_DOCUMENTS] as const;

/**
 * Choices the R11 owner row does not offer, and the option they are filed as (docs/RULES.md
 * id.type-matches-kind): a person's passport or Hong Kong/Macao/Taiwan permit is 其他有效证件.
 */
export const FILED_AS: Readonly<Record<string, readonly string[]>> = {
  其他有效证件: ['护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'],
};

/** The texts a choice may take on a page, best first: itself, then what it is filed as where it is not offered. */
export function choiceTexts(value: string): string[] {
  return [value, ...Object.entries(FILED_AS).flatMap(([option, values]) => (values.includes(value.trim()) ? [option] : []))];
}

/** Countries a country select lists first; enough to tell a country list from any other. */
export const COUNTRY_OPTIONS = ['中国', '中国大陆', '美国', '日本', '韩国', '英国', '德国', '法国', '新加坡', '加拿大', '澳大利亚', '俄罗斯', '中国香港', '中国澳门', '中国台湾'] as const;

/** A login or sign-up's account type. */
export const ACCOUNT_KIND_OPTIONS = ['个人', '个人用户', '自然人', '机构', '机构用户', '单位', '企业', '非自然人'] as const;
