import { PageChecks } from '@/utils/content/checks/page-checks';
import { ContentRequest, isFailure, PlanValuesResponse, type DetectResponse, type FillResponse, type UndoResponse } from '@/utils/contract/messages';
import { adapterFor } from '@/utils/pages/adapters';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { waitFor } from '@/utils/content/fill/drivers/events';
import { FillSession } from '@/utils/content/fill/session';

export interface PortalHandlerDeps {
  doc: Document;
  watcher: PageWatcher;
  /** Asks the background for the owner and work of one fill (`ruanzhu:plan-values`). */
  planValues(ownerId: string, workId: string | undefined): Promise<unknown>;
  /** The readiness checks (`ruanzhu:check`, and after each fill); the content script gives them their panel. */
  checks?: PageChecks;
}

/** How long a fill waits for a step that is still rendering after a hash change. */
const RENDER_WAIT_MS = 3000;

/**
 * The content script's answers, free of `browser` so that tests drive it on a plain DOM. Returns
 * undefined for anything that is not ours; fills and undos run one at a time. `ruanzhu:focus`
 * answers `{ found }`.
 */
export function createPortalHandler({ doc, watcher, planValues, checks = new PageChecks({ doc, watcher, planValues }) }: PortalHandlerDeps): (message: unknown) => Promise<unknown> | undefined {
  const session = new FillSession(doc);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  return (message) => {
    const parsed = ContentRequest.safeParse(message);
    if (!parsed.success) return undefined;
    const msg = parsed.data;
    switch (msg.type) {
      case 'ruanzhu:detect': {
        const d = watcher.refresh();
        const adapter = d && adapterFor(d.page);
        return Promise.resolve({ site: d?.site ?? null, page: d?.page ?? null, fields: adapter ? session.detect(adapter) : [] } satisfies DetectResponse);
      }
      case 'ruanzhu:fill':
        return serial(async (): Promise<FillResponse> => {
          const d = watcher.refresh() ?? (await waitFor(() => watcher.refresh(), RENDER_WAIT_MS));
          const adapter = d && adapterFor(d.page);
          if (!d || !adapter) return { results: [], error: d ? '本页没有可从资料填写的字段' : '无法识别本页' };
          const answer = await planValues(msg.ownerId, msg.workId);
          // A locked store answers with its own bilingual reason: pass it on instead of "not found".
          if (isFailure(answer)) return { results: [], error: answer.error };
          const values = PlanValuesResponse.safeParse(answer);
          if (!values.success || !values.data.owner) return { results: [], error: '找不到所选的著作权人资料 / the chosen owner was not found' };
          const { overwrite, addOwnerRows } = msg;
          const results = await session.fill(d.page, adapter, values.data, { overwrite, addOwnerRows });
          // What the fill left to fix shows at once, against the values it used.
          checks.afterFill(values.data, { ownerId: msg.ownerId, workId: msg.workId });
          return { results };
        });
      case 'ruanzhu:undo':
        return serial(async (): Promise<UndoResponse> => {
          const d = watcher.refresh();
          const adapter = d && adapterFor(d.page);
          return { results: d && adapter ? await session.undo(d.page, adapter) : [] };
        });
      case 'ruanzhu:focus': {
        const d = watcher.refresh();
        const adapter = d && adapterFor(d.page);
        // Keys of the checks that no fill has (an upload, the confirm step's summary) are the checks' to find.
        return Promise.resolve({ found: (!!adapter && session.focus(adapter, msg.key)) || checks.focus(msg.key) });
      }
      case 'ruanzhu:check':
        return serial(() => checks.run({ ownerId: msg.ownerId, workId: msg.workId }));
    }
  };
}
