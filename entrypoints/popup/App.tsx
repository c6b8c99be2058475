import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useStore } from '@/utils/ui/store';
import { PAGE_SIZE, useRows } from '@/utils/ui/rows';
import { attempt } from '@/utils/ui/attempt';
import { toBackground, toTab } from '@/utils/platform/messaging';
import type { CheckResponse, DetectResponse, FillResponse, PlanResponse, TabState } from '@/utils/contract/messages';
import { FillReport } from '@/components/FillReport';
import { FillPlan, type FillPlanWords } from '@/components/FillPlan';
import { ACTION_TEXT, sourceText, STATUS_GROUPS, STATUS_TEXT, whyText } from '@/utils/ui/fill-words';
import { FindingList } from '@/components/FindingList';
import { PageReportActions } from '@/components/PageReportActions';
import { countFindings } from '@/utils/findings/groups';
import { findingLabel } from '@/utils/fields/labels';
import { t } from '@/utils/platform/i18n';
import { fieldLabel } from '@/utils/fields/labels';
import { pageName, siteName } from '@/utils/pages/registry';
import { correctionDeadline, daysUntil } from '@/utils/filings/deadline';
import { FILING_STAGES, filingStageOf } from '@/utils/filings/stages';
import { todayIso } from '@/utils/rules/common';
import type { Filing } from '@/utils/schema/filing';
import { daysLeftText } from '@/utils/ui/filing-texts';
import { copyPageReport, PAGE_REPORT_WORDS, savePageReport } from '@/utils/ui/page-report';
import { targetTabId } from './target-tab';
import { SEVERITY_TEXT } from '@/utils/ui/severity';

type Choice = Pick<TabState, 'ownerId' | 'workId'>;

const PLAN_WORDS: FillPlanWords = {
  title: t('planTitle'),
  explain: t('planExplain'),
  close: t('planClose'),
  pageFields: t('planFieldsAll'),
  ownerRow: (n) => t('planOwnerRow', [n]),
  withHost: (name) => t('planWithHost', [name]),
  action: ACTION_TEXT,
};

function summarise(report: FillResponse): string {
  const count = (...s: string[]) => report.results.filter((r) => s.includes(r.status)).length;
  return t('fillSummary', [count('filled'), count('kept'), count('too-long', 'ambiguous', 'rejected', 'not-found')]);
}

/** The chosen work's filing in one line: its status, the next step, the 补正 deadline (options page: 登记进度). */
function FilingLine({ filing }: { filing: Filing | undefined }) {
  if (!filing) return <p className="muted filing-line">{t('popupFilingNone')}</p>;
  const stage = filingStageOf(filing.status);
  const deadline = correctionDeadline(filing);
  const days = deadline ? daysUntil(deadline.date, todayIso()) : null;
  return (
    <p className="filing-line" data-flow-number={filing.flowNumber}>
      <span className="muted">{t('popupFiling')}：</span>
      <strong>{filing.status}</strong> · {filing.flowNumber}
      {stage && <span className="next"> · {FILING_STAGES[stage].next.zh}</span>}
      {deadline && days !== null && (
        <span className={`deadline${days <= 3 ? ' urgent' : ''}`}>
          {' '}· {t('filingDeadline')} {deadline.date}（{daysLeftText(days)}）
        </span>
      )}
    </p>
  );
}

export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [detected, setDetected] = useState<DetectResponse | null | 'pending'>('pending');
  const [choice, setChoice] = useState<Choice>({});
  const [ownerText, setOwnerText] = useState('');
  const [report, setReport] = useState<FillResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [addOwnerRows, setAddOwnerRows] = useState(false);
  const [check, setCheck] = useState<CheckResponse | null>(null);
  const [checking, setChecking] = useState(false);
  // The plan the user opened for the current choice, and the fields they unticked in it.
  const [plan, setPlan] = useState<PlanResponse | null>(null);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [planning, setPlanning] = useState(false);

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === null) return setDetected(null);
      const state = await toBackground('ruanzhu:tab-state', { tabId: id }).catch((): TabState => ({}));
      // The tab's saved choice, unless the user chose while it was on its way.
      setChoice((now) => (now.ownerId ? now : { ownerId: state.ownerId, workId: state.workId }));
      // No content script answers on other sites: that is "not a portal page", not an error.
      const detected = await toTab(id, 'ruanzhu:detect').catch(() => null);
      // The last fill's report belongs to the page it filled, not to the wizard's next step.
      setReport(state.lastFill && state.lastFill.page === detected?.page ? state.lastFill : null);
      setDetected(detected);
    })();
  }, []);

  // The first page of matching owners as rows: typing narrows the list (10 000 options would only slow the popup).
  const ownerRows = useRows('ruanzhu:owner-rows', { text: ownerText, recentFirst: true });
  const owners = Array.from({ length: Math.min(ownerRows.total ?? 0, PAGE_SIZE) }, (_, i) => ownerRows.rowAt(i)).filter((o) => o !== undefined);
  // An owner holds a few works: all of them, as rows.
  const works = useStore(async () => (choice.ownerId ? (await toBackground('ruanzhu:work-rows', { query: { ownerId: choice.ownerId }, limit: 500 })).rows : []), [choice.ownerId]);
  const hasProfiles = useStore(async () => (await toBackground('ruanzhu:count')).owners > 0, []) !== false;
  const filings = useStore(async () => (choice.workId ? toBackground('ruanzhu:filings', { workId: choice.workId }) : []), [choice.workId]);
  const chosenOwner = useStore(async () => (choice.ownerId ? toBackground('ruanzhu:owner', { id: choice.ownerId }) : null), [choice.ownerId]);
  // Keep the chosen owner listed even when the search no longer matches it.
  const ownerOptions = chosenOwner && !owners.some((o) => o.id === chosenOwner.id) ? [chosenOwner, ...owners] : owners;

  // The check of the page against the tab's choice: when the popup opens on a portal page, when the
  // choice changes, after a fill, and on request. The page shows the same findings in its panel.
  const runCheck = async () => {
    if (tabId === null) return;
    setChecking(true);
    const answer = await attempt(() => toTab(tabId, 'ruanzhu:check', { ownerId: choice.ownerId, workId: choice.workId, page: pageNow() }));
    setChecking(false);
    if (answer.ok) setCheck(answer.value);
    else setNote(answer.error);
  };
  const portalPage = detected !== 'pending' && !!detected?.page;
  // The kind the user sees in the popup: the tab acts on that kind of page or not at all.
  const pageNow = () => (detected !== 'pending' && detected?.page) || undefined;
  useEffect(() => {
    if (portalPage) void runCheck();
    // Runs when the page is known and whenever the choice changes, not on every render of runCheck.
  }, [portalPage, choice.ownerId, choice.workId]);

  const choose = (next: Choice) => {
    setChoice(next);
    closePlan();
    if (tabId !== null) void attempt(() => toBackground('ruanzhu:update-tab-state', { tabId, patch: { ownerId: next.ownerId ?? null, workId: next.workId ?? null } }));
  };

  const fill = async () => {
    if (tabId === null || !choice.ownerId) return;
    setBusy(true);
    setNote('');
    // With the plan open, what the user unticked there is skipped; without, everything is filled.
    const skip = plan ? [...skipped] : undefined;
    const answer = await attempt(() => toTab(tabId, 'ruanzhu:fill', { ownerId: choice.ownerId!, workId: choice.workId, overwrite, addOwnerRows, skip, page: pageNow() }));
    setBusy(false);
    if (!answer.ok) return setNote(answer.error);
    // The page has changed: the plan was of the page before.
    closePlan();
    const { findings, ...report } = answer.value;
    setReport(report);
    // The fill's own check: the page has shown the same findings in its panel already.
    if (findings) setCheck({ findings });
    await attempt(() => toBackground('ruanzhu:update-tab-state', { tabId, patch: { lastFill: report } }));
  };
  const openPlan = async () => {
    if (tabId === null || !choice.ownerId) return;
    setPlanning(true);
    setNote('');
    const answer = await attempt(() => toTab(tabId, 'ruanzhu:plan', { ownerId: choice.ownerId!, workId: choice.workId, overwrite, addOwnerRows, page: pageNow() }));
    setPlanning(false);
    if (!answer.ok) return setNote(answer.error);
    setPlan(answer.value);
    setSkipped(new Set());
  };
  function closePlan() {
    setPlan(null);
    setSkipped(new Set());
  }
  const toggle = (key: string, fill: boolean) =>
    setSkipped((now) => {
      const next = new Set(now);
      if (fill) next.delete(key);
      else next.add(key);
      return next;
    });
  const undo = async () => {
    if (tabId === null) return;
    // A tab that navigated away (or was closed) has no undo to give: say so instead of failing silently.
    const answer = await attempt(() => toTab(tabId, 'ruanzhu:undo'));
    if (!answer.ok) return setNote(t('undoFailed', [answer.error]));
    setNote(t('undoDone', [answer.value.results.filter((x) => x.status === 'restored').length]));
    setReport(null);
    await attempt(() => toBackground('ruanzhu:update-tab-state', { tabId, patch: { lastFill: null } }));
  };
  const focus = (key: string) => tabId !== null && void attempt(() => toTab(tabId, 'ruanzhu:focus', { key }));
  const chosenWork = works?.find((w) => w.id === choice.workId);
  const counts = check ? countFindings(check.findings) : null;

  const page = detected === 'pending' ? null : detected?.page;
  // A portal page (its content script answered) of no kind, or fields the engine did not find: the page may have changed.
  const pageChanged = (detected !== 'pending' && !!detected && (!detected.page || detected.fields.some((f) => !f.found))) || !!report?.results.some((r) => r.status === 'not-found');
  return (
    <>
      <div className="page" role="status" aria-live="polite">
        {detected === 'pending' ? '…' : page ? (
          <>
            <span className="muted">{t('popupPage')}：</span>
            <strong data-page-kind={page}>{pageName(page)}</strong>
            <div className="muted">{siteName(detected!.site)}</div>
          </>
        ) : (
          <span data-page-kind="">{t('popupNoPortal')}</span>
        )}
      </div>

      {!hasProfiles && <p className="muted">{t('popupNoProfiles')}</p>}

      <label htmlFor="owner-search">{t('popupChooseOwner')}</label>
      <input id="owner-search" type="search" placeholder={t('searchOwnersHint')} value={ownerText} onChange={(e) => setOwnerText(e.target.value)} />
      <select
        id="owner"
        aria-label={t('popupChooseOwner')}
        size={Math.min(6, Math.max(2, ownerOptions.length + 1))}
        value={choice.ownerId ?? ''}
        onChange={(e) => choose({ ownerId: e.target.value || undefined, workId: undefined })}
      >
        <option value="">{t('popupNone')}</option>
        {ownerOptions.map((o) => (
          <option key={o.id} value={o.id}>{o.name || t('unnamed')}{o.idNumber ? ` · ${o.idNumber.slice(-4)}` : ''}</option>
        ))}
      </select>
      {(ownerRows.total ?? 0) > owners.length && <p className="muted">{t('moreMatches', [owners.length, ownerRows.total!])}</p>}

      <label htmlFor="work">{t('popupChooseWork')}</label>
      <select id="work" value={choice.workId ?? ''} disabled={!choice.ownerId} onChange={(e) => choose({ ...choice, workId: e.target.value || undefined })}>
        <option value="">{t('popupNone')}</option>
        {works?.map((w) => (
          <option key={w.id} value={w.id}>{[w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ')}</option>
        ))}
      </select>
      {choice.workId && filings && <FilingLine filing={filings[0]} />}

      {page && (
        <>
          <label className="option">
            <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
            {t('overwrite')}
          </label>
          {(chosenWork?.ownerIds.length ?? 0) > 1 && (
            <label className="option">
              <input type="checkbox" checked={addOwnerRows} onChange={(e) => setAddOwnerRows(e.target.checked)} />
              {t('addOwnerRows')}
            </label>
          )}
          <div className="actions">
            <button type="button" className="primary" disabled={!choice.ownerId || busy} onClick={fill} title={choice.ownerId ? undefined : t('needOwner')}>
              {busy ? t('fillRunning') : t('fillPage')}
            </button>
            <button type="button" disabled={!choice.ownerId || busy || planning} onClick={() => void openPlan()}>{planning ? t('planRunning') : t('planOpen')}</button>
            <button type="button" disabled={!report || busy} onClick={undo}>{t('undo')}</button>
          </div>
          {plan && (
            <FillPlan
              plan={plan}
              words={PLAN_WORDS}
              skipped={skipped}
              onToggle={toggle}
              onClose={closePlan}
              whyOf={(f) => f.why && whyText(f.why, fieldLabel)}
              sourceOf={(f) => f.from && sourceText(f.from)}
            />
          )}
          <section className="checks" aria-label={t('findings')}>
            <div className="actions">
              <button type="button" disabled={checking} onClick={() => void runCheck()}>{checking ? t('checkRunning') : t('checkPage')}</button>
              {counts && (
                <span role="status" className={`counts${counts.error ? ' has-errors' : ''}`}>
                  {check!.findings.length ? t('findingCounts', [counts.error, counts.warning, counts.info]) : t('findingsNone')}
                </span>
              )}
            </div>
            {check?.profileFailure && <p className="msg error">{check.profileFailure.error}</p>}
            {check && check.findings.length > 0 && (
              <FindingList findings={check.findings} severityText={SEVERITY_TEXT} labelOf={findingLabel} onFocus={focus} focusLabel={t('focusField')} />
            )}
          </section>
          {note && <p role="status">{note}</p>}
          {report && (
            <FillReport
              title={t('fillResults')}
              report={report}
              statusText={STATUS_TEXT}
              groups={STATUS_GROUPS}
              summary={summarise(report)}
              labelOf={fieldLabel}
              whyOf={(r) => r.why && whyText(r.why, fieldLabel)}
              whyLabel={t('whyLabel')}
              focusLabel={t('focusField')}
              onFocus={focus}
            />
          )}
        </>
      )}

      {pageChanged && tabId !== null && <PageReportActions words={PAGE_REPORT_WORDS} onCopy={() => copyPageReport(tabId)} onSave={() => savePageReport(tabId)} />}

      <footer>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popupManage')}</button>
      </footer>
    </>
  );
}
