import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/utils/storage/db';
import { listOwners, listWorks } from '@/utils/storage/repository';
import { toTab } from '@/utils/messages/send';
import type { DetectResponse } from '@/utils/messages/contract';
import { t } from '@/utils/i18n';
import { PAGE_NAMES, SITE_NAMES } from './page-names';
import { loadChoice, saveChoice, targetTabId, type Choice } from './tab-choice';

export function App() {
  const db = getDb();
  const [tabId, setTabId] = useState<number | null>(null);
  const [detected, setDetected] = useState<DetectResponse | null | 'pending'>('pending');
  const [choice, setChoice] = useState<Choice>({});
  const [ownerText, setOwnerText] = useState('');

  useEffect(() => {
    void (async () => {
      const id = await targetTabId();
      setTabId(id);
      if (id === null) return setDetected(null);
      setChoice(await loadChoice(id));
      // No content script answers on other sites: that is "not a portal page", not an error.
      setDetected(await toTab(id, { type: 'ruanzhu:detect' }).catch(() => null));
    })();
  }, []);

  const owners = useLiveQuery(() => listOwners(db, { text: ownerText }), [ownerText]);
  const works = useLiveQuery(() => (choice.ownerId ? listWorks(db, { ownerId: choice.ownerId }) : Promise.resolve([])), [choice.ownerId]);
  const hasProfiles = useLiveQuery(() => db.owners.count(), []) !== 0;
  const chosenOwner = useLiveQuery(async () => (choice.ownerId ? db.owners.get(choice.ownerId) : undefined), [choice.ownerId]);
  // Keep the chosen owner listed even when the search no longer matches it.
  const ownerOptions = chosenOwner && owners && !owners.some((o) => o.id === chosenOwner.id) ? [chosenOwner, ...owners] : (owners ?? []);

  const choose = (next: Choice) => {
    setChoice(next);
    if (tabId !== null) void saveChoice(tabId, next);
  };

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

      <footer>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popupManage')}</button>
      </footer>
    </main>
  );
}
