import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageWatcher } from '@/utils/content/detect/watch';
import { readFilingDetail, readFilingList } from '@/utils/content/reading/filings';
import { CCOPYRIGHT_HOST } from '@/utils/pages/hosts';
import type { SignatureExpectation } from '@/utils/rules/filing';
import { todayIso } from '@/utils/rules/common';
import { FLOW_NUMBER, type FilingReading } from '@/utils/schema/filing';
import { labelText } from '@/utils/text/normalize';
import { filingDetailGuide, filingListGuide } from './filings';
import { keepGuideShown } from './shown-guide';

/*
 * The center's pages after submission: the filing list and the filing detail are read as they
 * render and what they show is sent to the background's tracker (`ruanzhu:record-filings`); a
 * panel says what each status means and what to do next.
 *
 * Recording needs no click (issue 16 asks for a user gesture before a fill or a check, which use
 * profile values): what is sent is the page's own text — 流水号, names, statuses, dates — and
 * nothing comes back but counts, so a page learns nothing from it. No profile is loaded here.
 */

export interface CenterFilings {
  /** What the page shows of the filing a 签章页 chosen in `input` is for (the dialog's, else the row last clicked). */
  signatureFor(input: HTMLInputElement): SignatureExpectation;
}

export interface CenterFilingsDeps {
  watcher: PageWatcher;
  /** Sends `ruanzhu:record-filings`. */
  record(filings: FilingReading[]): Promise<unknown>;
}

const FLOW_ANYWHERE = new RegExp(FLOW_NUMBER.source.replace(/^\^|\$$/g, ''));
const flowIn = (el: Element | null | undefined) => FLOW_ANYWHERE.exec((el?.textContent ?? '').replace(/\s+/g, ''))?.[0];
/** The smallest part of the page around an upload that names one filing: its dialog, or its row. */
const FILING_SCOPE = '.dialog_container, [role=dialog], .el-dialog, tr';

export function mountCenterFilings(ctx: ContentScriptContext, { watcher, record }: CenterFilingsDeps): CenterFilings {
  let rows: FilingReading[] = [];
  let clickedFlow: string | undefined;
  const expectation = (flowNumber: string | undefined, scope: Element | null): SignatureExpectation => {
    const row = rows.find((r) => r.flowNumber === flowNumber);
    // The dialog may name the software itself: 软件名称：…
    const named = [...(scope?.querySelectorAll('p, div, span, li, td') ?? [])].map((e) => /^软件名称[:：]\s*(.+)$/.exec(labelText(e.textContent ?? ''))?.[1]).find(Boolean);
    const softwareName = row?.softwareName || named;
    return { ...(flowNumber ? { flowNumber } : {}), ...(softwareName ? { softwareName } : {}) };
  };
  const filings: CenterFilings = {
    signatureFor: (input) => {
      const scope = input.closest(FILING_SCOPE);
      return expectation(flowIn(scope) ?? clickedFlow, scope);
    },
  };
  if (location.hostname !== CCOPYRIGHT_HOST) return filings;

  // The row whose 上传签章页 the user clicked: the dialog that opens may not say which filing it is for.
  ctx.addEventListener(
    document,
    'click',
    (e) => {
      if (!e.isTrusted || !(e.target instanceof Element)) return;
      const flow = flowIn(e.target.closest('tr'));
      if (flow) clickedFlow = flow;
    },
    { capture: true },
  );

  let sent = '';
  const readNow = (): { readings: FilingReading[]; detail: boolean } => {
    const page = watcher.refresh()?.page;
    if (page === 'ccopyright.filings') return { readings: readFilingList(document.body), detail: false };
    if (page === 'ccopyright.filings.detail') {
      const d = readFilingDetail(document.body, location.href);
      return { readings: d ? [d] : [], detail: true };
    }
    return { readings: [], detail: false };
  };

  // The list renders late and re-renders after a tab or a submission: the guide follows it.
  keepGuideShown(ctx, {
    compute: async () => {
      const { readings, detail } = readNow();
      if (!detail) rows = readings;
      if (!readings.length) return null;
      const signature = JSON.stringify(readings);
      if (signature !== sent) {
        sent = signature;
        await record(readings).catch(() => undefined);
      }
      return detail ? filingDetailGuide(readings[0], todayIso()) : filingListGuide(readings);
    },
  });
  return filings;
}
