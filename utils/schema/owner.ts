import { z } from 'zod';

/** 著作权人类别, in the portal's own words. */
export const OWNER_CATEGORIES = ['自然人', '企业法人', '机关法人', '事业单位法人', '社会团体法人', '其他组织'] as const;
/**
 * 证件类型, in the portal's own words: the R11 owner row's for a person, then the documents it files
 * as 其他有效证件 (a profile names which one, so its number can be checked).
 */
export const PERSON_ID_TYPES = ['居民身份证', '军人身份证明（军官证、士兵证等）', '户口本', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'] as const;
export const ORGANIZATION_ID_TYPES = ['统一社会信用代码证书', '事业单位法人证书', '社会团体法人登记证书', '其他'] as const;
export const ID_TYPES = [...PERSON_ID_TYPES, ...ORGANIZATION_ID_TYPES] as const;

export const OwnerKind = z.enum(['person', 'organization']);
export type OwnerKind = z.infer<typeof OwnerKind>;

export const RealNameStatus = z.enum(['none', 'pending', 'verified']);

/** Free text the user may leave empty: readiness is the rules' job, not the schema's. */
const text = z.string().default('');

// Loose objects keep keys this version does not know, so a newer bundle survives a round trip.
export const OwnerAccount = z.looseObject({
  username: text,
  phone: text,
  email: text,
});

export const OwnerRealName = z.looseObject({
  status: RealNameStatus.default('none'),
  name: text,
  idNumber: text,
});

export const Owner = z.looseObject({
  id: z.string().trim().min(1),
  kind: OwnerKind,
  category: text,
  name: text,
  idType: text,
  idNumber: text,
  country: z.string().default('中国'),
  province: text,
  city: text,
  address: text,
  postcode: text,
  phone: text,
  email: text,
  contactName: z.string().optional(),
  landline: z.string().optional(),
  account: OwnerAccount.optional(),
  realName: OwnerRealName.optional(),
  tags: z.array(z.string()).default([]),
  notes: text,
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type Owner = z.infer<typeof Owner>;
export type OwnerInput = z.input<typeof Owner>;
