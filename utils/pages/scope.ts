import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { adapterFor } from '@/utils/pages/adapters';
import type { PageAdapter } from '@/utils/pages/adapters/toolkit';

/**
 * Which profile fields a content script may receive for a page (ARCHITECTURE.md: a content script
 * gets the values of the plan for its page, nothing more). The fields its adapter fills, plus what
 * the checks need to compare the page with the profile: the owner's identity and real-name data,
 * the software's name, version and owners. The R11 steps are one application and share one scope
 * (the name and version are compared across steps); so are the vendor console's pages.
 */
export interface PlanScope {
  owner: ReadonlySet<string>;
  /** null: no software data at all (account pages). */
  work: ReadonlySet<string> | null;
}

const BASE: readonly string[] = ['id', 'kind', 'name'];
/** What realname.match and the ID rules compare; the sign-up and login pages show none of it. */
const IDENTITY: readonly string[] = ['category', 'idType', 'idNumber', 'realName'];
const ACCOUNT_PAGES = new Set(['ccopyright.login', 'ccopyright.register']);
const WORK_IDENTITY: readonly string[] = ['id', 'ownerIds', 'fullName', 'shortName', 'version'];

/** The profile field a fill key reads: `owners.1.idNumber` → idNumber, `owner.account.phone` → account. */
function fieldOf(key: string): { of: 'owner' | 'work'; field: string } | null {
  const m = /^(owner|owners\.\d+|work)\.([A-Za-z]+)/.exec(key);
  if (!m) return null;
  const field = m[2] === 'languagesOther' ? 'languages' : m[2];
  return { of: m[1] === 'work' ? 'work' : 'owner', field };
}

function adapterKeys(adapter: PageAdapter): string[] {
  return [...adapter.fields.map((f) => f.key), ...(adapter.owners?.fields.map((r) => `owners.0.${r.field}`) ?? [])];
}

function groupOf(page: string): PageAdapter[] {
  const prefix = page.startsWith('ccopyright.r11.') ? 'ccopyright.r11.' : page.startsWith('aliyun.') ? 'aliyun.' : null;
  const kinds = prefix === 'ccopyright.r11.' ? ['application', 'development', 'features'] : prefix === 'aliyun.' ? ['apply'] : [];
  const adapters = prefix ? kinds.map((k) => adapterFor(prefix + k)) : [adapterFor(page)];
  return adapters.filter((a): a is PageAdapter => a !== null);
}

export function planScope(page: string): PlanScope {
  const owner = new Set([...BASE, ...(ACCOUNT_PAGES.has(page) ? [] : IDENTITY)]);
  const work = new Set(WORK_IDENTITY);
  let usesWork = page.startsWith('ccopyright.r11.') || page.startsWith('aliyun.');
  for (const key of groupOf(page).flatMap(adapterKeys)) {
    const f = fieldOf(key);
    if (!f) continue;
    if (f.of === 'work') {
      usesWork = true;
      work.add(f.field);
      // A published date only makes sense with the published flag, and the reverse.
      if (f.field === 'published' || f.field === 'firstPublishedDate') ['published', 'firstPublishedDate', 'firstPublishedCountry', 'firstPublishedCity'].forEach((x) => work.add(x));
    } else owner.add(f.field);
  }
  return { owner, work: usesWork ? work : null };
}

const pick = <T extends object>(record: T, fields: ReadonlySet<string>): T =>
  Object.fromEntries(Object.entries(record).filter(([k]) => fields.has(k))) as T;

/** The owner and work cut down to what the page may receive. */
export function scopeValues(page: string, values: { owner: Owner | null; work: Work | null; coOwners: Owner[] }) {
  const scope = planScope(page);
  return {
    owner: values.owner && pick(values.owner, scope.owner),
    work: scope.work && values.work ? pick(values.work, scope.work) : null,
    coOwners: scope.work ? values.coOwners.map((o) => pick(o, scope.owner)) : [],
  };
}
