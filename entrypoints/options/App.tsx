import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { OwnersTab } from './OwnersTab';
import { WorksTab } from './WorksTab';
import { LockGate } from '@/utils/ui/LockGate';
import { BackupReminder } from './BackupReminder';

/**
 * A tab loaded when it is first opened: the owners list, which the page opens at, does not wait
 * for the code of the filings, the materials (pdf.js, documents, fonts), the data files and the lock.
 */
const onDemand = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const FilingsTab = onDemand(() => import('./FilingsTab'), 'FilingsTab');
const MaterialsTab = onDemand(() => import('./MaterialsTab'), 'MaterialsTab');
const DataTab = onDemand(() => import('./DataTab'), 'DataTab');
const SecurityTab = onDemand(() => import('./SecurityTab'), 'SecurityTab');

const TABS: { id: string; label: MessageKey }[] = [
  { id: 'owners', label: 'tabOwners' },
  { id: 'works', label: 'tabWorks' },
  { id: 'filings', label: 'tabFilings' },
  { id: 'materials', label: 'tabMaterials' },
  { id: 'data', label: 'tabData' },
  { id: 'security', label: 'tabSecurity' },
];

const tabFromHash = () => (TABS.some((x) => `#${x.id}` === location.hash) ? location.hash.slice(1) : 'owners');

export function App() {
  const [tab, setTab] = useState(tabFromHash);
  // Links such as options.html#data (from the popup or a bookmark) switch tabs without a reload.
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: string) => {
    setTab(id);
    history.replaceState(null, '', `#${id}`);
  };
  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onKeyDown = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((x) => x.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(i + step + TABS.length) % TABS.length];
    select(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <header>
        <h1>{t('optionsTitle')}</h1>
        <div role="tablist" aria-label={t('optionsTitle')} onKeyDown={onKeyDown}>
          {TABS.map((x) => (
            <button
              key={x.id}
              id={`tab-${x.id}`}
              role="tab"
              type="button"
              aria-selected={tab === x.id}
              aria-controls={`panel-${x.id}`}
              tabIndex={tab === x.id ? 0 : -1}
              onClick={() => select(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
        </div>
      </header>
      {/* The tab panel inside the main landmark: a role on <main> itself would take the landmark away. */}
      <main>
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <LockGate>
            <BackupReminder onExport={() => select('data')} />
            <Suspense fallback={<p className="muted">{t('loading')}</p>}>
              {tab === 'owners' && <OwnersTab />}
              {tab === 'works' && <WorksTab />}
              {tab === 'filings' && <FilingsTab />}
              {tab === 'materials' && <MaterialsTab />}
              {tab === 'data' && <DataTab />}
              {tab === 'security' && <SecurityTab />}
            </Suspense>
          </LockGate>
        </div>
      </main>
    </>
  );
}
