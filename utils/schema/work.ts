import { z } from 'zod';

export const DEVELOPMENT_MODES = ['单独开发', '合作开发', '委托开发', '下达任务开发'] as const;
export const RIGHTS_ACQUISITIONS = ['原始取得', '继受取得'] as const;
export const RIGHTS_SCOPES = ['全部权利', '部分权利'] as const;
export const SOFTWARE_CATEGORIES = ['应用软件', '嵌入式软件', '中间件', '操作系统'] as const;
export const SOFTWARE_NOTES = ['原创', '修改'] as const;

const text = z.string().default('');
/** An enumerated portal choice, or '' while the user has not chosen yet. */
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values), z.literal('')]).default('');
/** YYYY-MM-DD or empty; whether the day exists is a rule (work.dates), not shape. */
const isoDay = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal('')]).default('');

export const Work = z.looseObject({
  id: z.string().trim().min(1),
  fullName: text,
  shortName: text,
  version: text,
  ownerIds: z.array(z.string().min(1)).default([]),
  softwareCategory: text,
  softwareNote: text,
  developmentMode: choice(DEVELOPMENT_MODES),
  completionDate: isoDay,
  published: z.boolean().default(false),
  firstPublishedDate: isoDay,
  firstPublishedCountry: text,
  firstPublishedCity: text,
  rightsAcquisition: choice(RIGHTS_ACQUISITIONS),
  rightsScope: choice(RIGHTS_SCOPES),
  devHardware: text,
  runHardware: text,
  devOs: text,
  devTools: text,
  runPlatform: text,
  runSupport: text,
  languages: text,
  sourceLines: z.number().int().nonnegative().optional(),
  purpose: text,
  domain: text,
  mainFunctions: text,
  technicalFeatures: text,
  featureTags: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  notes: text,
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type Work = z.infer<typeof Work>;
export type WorkInput = z.input<typeof Work>;
