import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { isChina } from '@/utils/rules/identity';
import type { ChoiceList, ChoicesOf } from '@/utils/fields/choices';
import { FEATURE_TAG_CAP, FEATURE_TAGS, FILED_AS, ORGANIZATION_DOCUMENTS, PERSON_DOCUMENTS, R11_OWNER_CATEGORIES, PORTAL_LANGUAGES } from '@/utils/fields/portal-options';
import { citiesOf, PROVINCES } from '@/utils/fields/regions';

/*
 * The options page's choices, in the R11 owner row's and #/features' words (docs/PORTALS.md), each
 * depending on what the record holds before it, in the row's block order: the kind → 著作权人类别
 * → 证件类型; the country → province → city.
 */

const [PERSON, ...ORGANIZATION_CATEGORIES] = R11_OWNER_CATEGORIES;

/**
 * A person's documents: the row's own, except 其他有效证件, which the profile names by the document it
 * stands for (a passport, a permit: its number is checked as such), shown with what it is filed as.
 */
const OTHER = '其他有效证件';
const FILED_AS_OTHER = FILED_AS[OTHER];
const PERSON_ID_CHOICES: ChoiceList = {
  options: [...PERSON_DOCUMENTS.filter((d) => d !== OTHER), ...FILED_AS_OTHER],
  labels: Object.fromEntries(FILED_AS_OTHER.map((d) => [d, `${d}（填为 ${OTHER}）`])),
};

/** A person by the row's category where it is one, else by the kind (an old category is no guide). */
const isPerson = (o: Owner) => ((R11_OWNER_CATEGORIES as readonly string[]).includes(o.category) ? o.category === PERSON : o.kind !== 'organization');

export const OWNER_CHOICES: ChoicesOf<Owner> = {
  category: (o) => ({ options: o.kind === 'organization' ? ORGANIZATION_CATEGORIES : [PERSON] }),
  idType: (o) => (isPerson(o) ? PERSON_ID_CHOICES : { options: ORGANIZATION_DOCUMENTS }),
  province: (o) => (isChina(o.country) ? { options: PROVINCES } : null),
  city: (o) => (isChina(o.country) ? { options: citiesOf(o.province) ?? [] } : null),
};

export const WORK_CHOICES: ChoicesOf<Work> = {
  languages: () => ({ options: PORTAL_LANGUAGES, other: true }),
  featureTags: () => ({ options: FEATURE_TAGS, max: FEATURE_TAG_CAP }),
};
