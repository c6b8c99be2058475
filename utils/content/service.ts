import { failureOf, Refusal, type Handlers } from '@/utils/contract/dispatch';
import type { CheckResponse, DetectResponse } from '@/utils/contract/messages';
import { adapterFor } from '@/utils/pages/registry';
import type { PageChecks } from '@/utils/content/checks/page-checks';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { waitFor } from '@/utils/content/fill/drivers/events';
import { FillSession } from '@/utils/content/fill/session';
import { describePage } from '@/utils/content/page-report/describe';
import type { Choice, ChosenProfiles } from './profiles';

export interface ContentServiceDeps {
  doc: Document;
  watcher: PageWatcher;
  /** The chosen profiles: each fill and check fetches them once, for every feature of the page. */
  profiles: ChosenProfiles;
  /** The readiness checks, run by `ruanzhu:check` and after each fill. */
  checks: PageChecks;
  /** Ends the page's watchers (the content script's life). */
  signal?: AbortSignal;
}

/** How long a fill waits for a step that is still rendering after a hash change. */
const RENDER_WAIT_MS = 3000;

/** Refuses when the user acted on one kind of page and the page now claims another. */
function pinned(now: string, seen: string | undefined): void {
  if (seen !== undefined && seen !== now) throw new Refusal('page-unknown', `页面已变为“${now || '未知页面'}”，与您操作时看到的不同，未使用资料 / the page changed since you acted; no profile was used`);
}

/**
 * The content script's answers to the messages addressed to it (utils/contract/messages.ts), free
 * of `browser` so that tests drive them on a plain DOM. Fills, checks and undos run one at a time;
 * each user action costs one request for the profiles and one check.
 */
export function contentHandlers({ doc, watcher, profiles, checks, signal }: ContentServiceDeps): Handlers<'content-script'> {
  const session = new FillSession(doc, signal);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /** The page kind now and, where it has an adapter, which of its fields the fill engine finds. */
  const detect = (): DetectResponse => {
    const d = watcher.refresh();
    const adapter = adapterFor(d?.page);
    return { site: d?.site ?? null, page: d?.page ?? null, fields: adapter ? session.detect(adapter) : [] };
  };
  /** A page changed so far that matching fails is the report's very case: it is still described, without the fields. */
  const detectForReport = (): DetectResponse => {
    try {
      return detect();
    } catch {
      const d = watcher.refresh();
      return { site: d?.site ?? null, page: d?.page ?? null, fields: [] };
    }
  };

  return {
    'ruanzhu:detect': detect,
    // The page alone: no profile is asked for, none is at hand in what it reads.
    'ruanzhu:page-structure': () => describePage(doc, detectForReport()),
    'ruanzhu:fill': ({ ownerId, workId, overwrite, addOwnerRows, skip, page }) =>
      serial(async () => {
        const { page: kind, adapter, values } = await fillable({ ownerId, workId }, page);
        const results = await session.fill(kind, adapter, values, { overwrite, addOwnerRows, skip });
        // What the fill left to fix shows at once, against the values it used.
        return { page: kind, results, findings: checks.evaluate(values) };
      }),
    // Opening the plan is the user's action: the profiles are asked for once, nothing is written to the page.
    'ruanzhu:plan': ({ ownerId, workId, overwrite, addOwnerRows, page }) =>
      serial(async () => {
        const { page: kind, adapter, values } = await fillable({ ownerId, workId }, page);
        return { page: kind, fields: session.plan(adapter, values, { overwrite, addOwnerRows }) };
      }),
    'ruanzhu:check': ({ ownerId, workId, page }) => serial(() => check(ownerId, workId, page)),
    'ruanzhu:undo': () =>
      serial(async () => {
        const d = watcher.refresh();
        const adapter = adapterFor(d?.page);
        return { results: d && adapter ? await session.undo(d.page, adapter) : [] };
      }),
    'ruanzhu:locked': () => {
      profiles.forget();
      checks.forget();
      return null;
    },
    // Keys of the checks that no fill has (an upload, the confirm step's summary) are the checks' to find.
    'ruanzhu:focus': ({ key }) => {
      const adapter = adapterFor(watcher.refresh()?.page);
      return { found: (!!adapter && session.focus(adapter, key)) || checks.focus(key) };
    },
  };

  /** The page a fill or its plan acts on, its adapter and the chosen profiles for it (one request), or the refusal. */
  async function fillable(choice: Choice, seen: string | undefined) {
    const d = watcher.refresh() ?? (await waitFor(() => watcher.refresh(), RENDER_WAIT_MS));
    if (!d) throw new Refusal('page-unknown', '无法识别本页 / this page is not one the assistant knows');
    pinned(d.page, seen);
    const adapter = adapterFor(d.page);
    if (!adapter) throw new Refusal('nothing-to-fill', '本页没有可从资料填写的字段 / nothing on this page is filled from a profile');
    const values = await profiles.load(choice, d.page);
    if (!values?.owner) throw new Refusal('not-found', '找不到所选的著作权人资料 / the chosen owner was not found');
    return { page: d.page, adapter, values };
  }

  /** The page against the chosen profiles; profiles that cannot be had (a locked store) leave the page checked alone. */
  async function check(ownerId: string | undefined, workId: string | undefined, seen: string | undefined): Promise<CheckResponse> {
    const page = watcher.refresh()?.page ?? '';
    try {
      pinned(page, seen);
      const values = await profiles.load(ownerId ? { ownerId, workId } : null, page);
      if (ownerId && !values?.owner) return { findings: checks.evaluate(null), profileFailure: failureOf(new Refusal('not-found', '找不到所选的著作权人资料 / the chosen owner was not found')) };
      return { findings: checks.evaluate(values) };
    } catch (e) {
      return { findings: checks.evaluate(null), profileFailure: failureOf(e) };
    }
  }
}
