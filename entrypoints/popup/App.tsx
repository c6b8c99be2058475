import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { store, useStore } from '@/utils/ui/store';
import { toTab } from '@/utils/platform/messaging';
import { CheckResponse, type DetectResponse, type FillResponse, type UndoResponse } from '@/utils/contract/messages';
import { loadTabState, updateTabState, type TabState } from '@/utils/background/tabs/tab-state';
import { FillReport } from '@/components/FillReport';
import { FindingList } from '@/components/FindingList';
import { countFindings, findingLabel } from '@/utils/findings/groups';
import { t } from '@/utils/platform/i18n';
import { fieldLabel } from '@/utils/fields/labels';
import { PAGE_NAMES, SITE_NAMES } from './page-names';
import { targetTabId } from './target-tab';

type Choice = Pick<TabState, 'ownerId' | 'workId'>;

const STATUS_TEXT = {
  filled: t('statusFilled'),
  kept: t('statusKept'),
  'too-long': t('statusTooLong'),
  ambiguous: t('statusAmbiguous'),
  'not-found': t('statusNotFound'),
  rejected: t('statusRejected'),
};

const SEVERITY_TEXT = { error: t('severityError'), warning: t('severityWarning'), info: t('severityInfo') };

function summarise(report: FillResponse): string {
  const count = (...s: string[]) => report.results.filter((r) => s.includes(r.status)).length;
  return t('fillSummary', [count('filled'), count('kept'), count('too-long', 'ambiguous', 'rejected', 'not-found')]);
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

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === null) return setDetected(null);
      const state = await loadTabState(id);
      setChoice({ ownerId: state.ownerId, workId: state.workId });
      setReport(state.lastFill ?? null);
      // No content script answers on other sites: that is "not a portal page", not an error.
      setDetected(await toTab(id, { type: 'ruanzhu:detect' }).catch(() => null));
    })();
  }, []);

  // The first hundred matches: typing narrows the list, 10 000 options would only slow the popup.
  const owners = useStore(() => store.owners({ text: ownerText, limit: 100 }), [ownerText]);
  const works = useStore(async () => (choice.ownerId ? store.works({ ownerId: choice.ownerId }) : []), [choice.ownerId]);
  const hasProfiles = useStore(async () => (await store.count()).owners > 0, []) !== false;
  const chosenOwner = useStore(async () => (choice.ownerId ? store.owner(choice.ownerId) : null), [choice.ownerId]);
  // Keep the chosen owner listed even when the search no longer matches it.
  const ownerOptions = chosenOwner && owners && !owners.some((o) => o.id === chosenOwner.id) ? [chosenOwner, ...owners] : (owners ?? []);

  // The check of the page against the tab's choice: when the popup opens on a portal page, when the
  // choice changes, after a fill, and on request. The page shows the same findings in its panel.
  const runCheck = async () => {
    if (tabId === null) return;
    setChecking(true);
    try {
      setCheck(CheckResponse.parse(await toTab(tabId, { type: 'ruanzhu:check', ownerId: choice.ownerId, workId: choice.workId })));
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setChecking(false);
    }
  };
  const portalPage = detected !== 'pending' && !!detected?.page;
  useEffect(() => {
    if (portalPage) void runCheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [portalPage, choice.ownerId, choice.workId]);

  const choose = (next: Choice) => {
    setChoice(next);
    if (tabId !== null) void updateTabState(tabId, next);
  };

  const fill = async () => {
    if (tabId === null || !choice.ownerId) return;
    setBusy(true);
    setNote('');
    try {
      const r = (await toTab(tabId, { type: 'ruanzhu:fill', ownerId: choice.ownerId, workId: choice.workId, overwrite, addOwnerRows })) as FillResponse;
      setReport(r);
      await updateTabState(tabId, { lastFill: r });
      await runCheck();
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const undo = async () => {
    if (tabId === null) return;
    const r = (await toTab(tabId, { type: 'ruanzhu:undo' })) as UndoResponse;
    setNote(t('undoDone', [r.results.filter((x) => x.status === 'restored').length]));
    setReport(null);
    await updateTabState(tabId, { lastFill: undefined });
  };
  const focus = (key: string) => tabId !== null && void toTab(tabId, { type: 'ruanzhu:focus', key });
  const chosenWork = works?.find((w) => w.id === choice.workId);
  const counts = check ? countFindings(check.findings) : null;

  const page = detected === 'pending' ? null : detected?.page;
  return (
    <main>
      <h1>{t('extName')}</h1>
      <div className="page" role="status" aria-live="polite">
        {detected === 'pending' ? '…' : page ? (
          <>
            <span className="muted">{t('popupPage')}：</span>
            <strong data-page-kind={page}>{PAGE_NAMES[page] ?? page}</strong>
            <div className="muted">{SITE_NAMES[detected!.site ?? ''] ?? ''}</div>
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

      <label htmlFor="work">{t('popupChooseWork')}</label>
      <select id="work" value={choice.workId ?? ''} disabled={!choice.ownerId} onChange={(e) => choose({ ...choice, workId: e.target.value || undefined })}>
        <option value="">{t('popupNone')}</option>
        {works?.map((w) => (
          <option key={w.id} value={w.id}>{[w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ')}</option>
        ))}
      </select>

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
            <button type="button" disabled={!report || busy} onClick={undo}>{t('undo')}</button>
          </div>
          <section className="checks" aria-label={t('findings')}>
            <div className="actions">
              <button type="button" disabled={checking} onClick={() => void runCheck()}>{checking ? t('checkRunning') : t('checkPage')}</button>
              {counts && (
                <span role="status" className={`counts${counts.error ? ' has-errors' : ''}`}>
                  {check!.findings.length ? t('findingCounts', [counts.error, counts.warning, counts.info]) : t('findingsNone')}
                </span>
              )}
            </div>
            {check?.error && <p className="msg error">{check.error}</p>}
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
              summary={summarise(report)}
              labelOf={fieldLabel}
              focusLabel={t('focusField')}
              onFocus={focus}
            />
          )}
        </>
      )}

      <footer>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popupManage')}</button>
      </footer>
    </main>
  );
}
