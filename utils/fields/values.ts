import type { PlanValues } from '@/utils/contract/messages';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { splitList } from '@/utils/text/normalize';
import { rowKey } from './catalogue';

/*
 * The profile's value for a field key (catalogue.ts names the keys): what a fill writes and what
 * the checks compare the page with.
 */

/**
 * The copyright owners in the work's order (work.ownerIds; the first is the first owner). Without a
 * work, the chosen owner alone.
 */
export function ownersInOrder(v: PlanValues): Owner[] {
  const all = [v.owner, ...v.coOwners].filter((o): o is Owner => o !== null);
  if (!v.work?.ownerIds.length) return v.owner ? [v.owner] : [];
  return v.work.ownerIds.flatMap((id) => all.filter((o) => o.id === id).slice(0, 1));
}

export type RawValue = string | string[];

function ownerValue(o: Owner | undefined | null, field: string): RawValue | undefined {
  if (!o) return undefined;
  switch (field) {
    case 'kind':
      return o.kind === 'person' ? '个人' : '机构';
    // The login form takes any of the account's handles: the username first.
    case 'account':
      return o.account?.username || o.account?.phone || o.account?.email || undefined;
    case 'account.username':
      return o.account?.username;
    case 'account.phone':
      return o.account?.phone;
    case 'account.email':
      return o.account?.email;
    default: {
      const v = (o as Record<string, unknown>)[field];
      return typeof v === 'string' ? v : undefined;
    }
  }
}

function workValue(w: Work | null, field: string): RawValue | undefined {
  if (!w) return undefined;
  switch (field) {
    case 'published':
      return w.published ? '已发表' : '未发表';
    case 'sourceLines':
      return w.sourceLines === undefined ? undefined : String(w.sourceLines);
    case 'languages':
    case 'languagesOther':
      // Both start from the whole list; the plan splits it between the options and the text.
      return splitList(w.languages);
    case 'featureTags':
      return w.featureTags;
    default: {
      const v = (w as Record<string, unknown>)[field];
      return typeof v === 'string' ? v : undefined;
    }
  }
}

/** The profile's value for a key, or undefined when the profile has none (empty counts as none). */
export function valueFor(key: string, v: PlanValues): RawValue | undefined {
  const row = rowKey(key);
  let raw: RawValue | undefined;
  if (row) raw = ownerValue(ownersInOrder(v)[row.index], row.field);
  else if (key.startsWith('owner.')) raw = ownerValue(v.owner, key.slice('owner.'.length));
  else if (key.startsWith('work.')) raw = workValue(v.work, key.slice('work.'.length));
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.length ? raw : undefined;
  return raw.trim() ? raw : undefined;
}
