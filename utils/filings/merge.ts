import type { Filing, FilingPatch, FilingReading } from '@/utils/schema/filing';
import type { Work } from '@/utils/schema/work';
import { normalizeText } from '@/utils/text/normalize';
import { filingStageOf } from './stages';

/*
 * How the tracker keeps a filing (pure): a new reading of a page updates the latest values, adds
 * a status to the history when it changed, and opens a new 补正 when the filing enters one; the
 * link to a stored work follows the software's name and version unless the user chose otherwise.
 */

const inCorrection = (status: string | undefined) => status !== undefined && filingStageOf(status) === 'correction';

/** The filing after `reading` was seen at `now` (ISO time); a first reading makes a new one. */
export function mergeReading(existing: Filing | undefined, reading: FilingReading, now: string): Filing {
  const history = existing?.history ?? [];
  const statusChanged = existing?.status !== reading.status;
  const next: Filing = {
    ...existing,
    flowNumber: reading.flowNumber,
    softwareName: reading.softwareName || existing?.softwareName || '',
    version: reading.version || existing?.version || '',
    status: reading.status,
    ownerIds: existing?.ownerIds ?? [],
    history: statusChanged ? [...history, { status: reading.status, seenAt: now }] : history,
    firstSeenAt: existing?.firstSeenAt ?? now,
    updatedAt: existing?.updatedAt ?? now,
  };
  const appliedOn = reading.appliedOn ?? existing?.appliedOn;
  if (appliedOn) next.appliedOn = appliedOn;
  // A progress bar read before the status changed is no longer the filing's.
  const progress = reading.progress ?? (statusChanged ? undefined : existing?.progress);
  if (progress) next.progress = progress;
  else delete next.progress;

  if (inCorrection(reading.status)) {
    // A filing that comes into 补正 again gets a new notice: the old dates and reasons are not its.
    const open = inCorrection(existing?.status) && existing?.correction ? existing.correction : { since: now, reasons: [] };
    const page = reading.correction;
    next.correction = {
      ...open,
      ...(page?.noticeDate ? { pageNoticeDate: page.noticeDate } : {}),
      ...(page?.deadline ? { pageDeadline: page.deadline } : {}),
      ...(page?.reasons.length ? { reasons: page.reasons } : {}),
    };
  }
  return changedFrom(existing, next) ? { ...next, updatedAt: now } : next;
}

/** Whether anything but the time stamp differs (a reading that shows nothing new writes nothing). */
export function changedFrom(before: Filing | undefined, after: Filing): boolean {
  if (!before) return true;
  const comparable = (f: Filing) => JSON.stringify(sortKeys({ ...f, updatedAt: '' }));
  return comparable(before) !== comparable(after);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

const sameName = (a: string, b: string) => normalizeText(a) === normalizeText(b);
/** Versions compare without case and spaces: V1.0 is v1.0, not 1.0 (the form holds what was typed). */
const sameVersion = (a: string, b: string) => normalizeText(a).replace(/\s+/g, '').toUpperCase() === normalizeText(b).replace(/\s+/g, '').toUpperCase();

/** The stored works a filing is of: the same full name and version. */
export const worksOf = (filing: Pick<Filing, 'softwareName' | 'version'>, works: readonly Work[]): Work[] =>
  filing.softwareName.trim() ? works.filter((w) => sameName(w.fullName, filing.softwareName) && sameVersion(w.version, filing.version)) : [];

/**
 * The filing linked to its work: the user's choice while that work exists (a choice of none
 * stays none), else the one work of the same name and version; none when there is none or
 * several. The owners are the work's, in its order.
 */
export function linkFiling(filing: Filing, works: readonly Work[]): Filing {
  const rest: Filing = { ...filing };
  delete rest.workId;
  delete rest.linkedBy;
  const chosen = filing.linkedBy === 'user' ? (filing.workId ? works.find((w) => w.id === filing.workId) : null) : undefined;
  if (chosen === null) return { ...rest, linkedBy: 'user', ownerIds: [] };
  if (chosen) return { ...rest, workId: chosen.id, linkedBy: 'user', ownerIds: [...chosen.ownerIds] };
  const found = worksOf(filing, works);
  return found.length === 1 ? { ...rest, workId: found[0].id, linkedBy: 'name', ownerIds: [...found[0].ownerIds] } : { ...rest, ownerIds: [] };
}

/** The user's change: the notice's date (only while in 补正), the linked work (null: none). */
export function applyPatch(filing: Filing, patch: FilingPatch, now: string): Filing {
  const next: Filing = { ...filing };
  if (patch.userNoticeDate !== undefined && next.correction) {
    const correction = { ...next.correction };
    if (patch.userNoticeDate === null) delete correction.userNoticeDate;
    else correction.userNoticeDate = patch.userNoticeDate;
    next.correction = correction;
  }
  if (patch.workId !== undefined) {
    delete next.workId;
    next.linkedBy = 'user';
    if (patch.workId !== null) next.workId = patch.workId;
  }
  return changedFrom(filing, next) ? { ...next, updatedAt: now } : next;
}

/**
 * Two copies of one filing (a bundle and the store): the one updated later gives the values, the
 * histories are joined (each status at the time it was first seen), the earlier first sighting stays.
 */
export function mergeCopies(a: Filing, b: Filing): Filing {
  const [older, newer] = Date.parse(a.updatedAt) <= Date.parse(b.updatedAt) ? [a, b] : [b, a];
  const seen = new Map<string, Filing['history'][number]>();
  for (const h of [...older.history, ...newer.history]) {
    const key = `${h.status}\u0000${h.seenAt}`;
    if (!seen.has(key)) seen.set(key, h);
  }
  const history = [...seen.values()].sort((x, y) => Date.parse(x.seenAt) - Date.parse(y.seenAt));
  const firstSeenAt = Date.parse(older.firstSeenAt) < Date.parse(newer.firstSeenAt) ? older.firstSeenAt : newer.firstSeenAt;
  return { ...newer, history, firstSeenAt };
}
