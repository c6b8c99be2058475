import { useState } from 'react';
import { DataErrorList } from '@/components/DataErrorList';
import { background } from '@/utils/messages/send';
import { BUNDLE_FILE_SUFFIX, parseBundleText, type DataError } from '@/utils/schema';
import { t } from '@/utils/i18n';
import { saveTextFile } from './download';
import { SheetImport } from './SheetImport';

type Outcome = { ok: true; text: string } | { ok: false; errors: DataError[] } | null;

export function DataTab() {
  const [outcome, setOutcome] = useState<Outcome>(null);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Parse here for an early, precise message; the background validates again before writing.
    const parsed = parseBundleText(await file.text());
    if (!parsed.ok) return setOutcome(parsed);
    const r = await background.importBundle(parsed.value);
    setOutcome(r.ok ? { ok: true, text: t('importOk', [r.owners, r.works, r.created, r.updated]) } : r);
  };

  const exportAll = async () => {
    const bundle = await background.exportBundle();
    const day = bundle.exportedAt.slice(0, 10).replaceAll('-', '');
    saveTextFile(`ruanzhu-${day}${BUNDLE_FILE_SUFFIX}`, JSON.stringify(bundle, null, 2));
  };

  return (
    <div className="data">
      <section>
        <h2><label htmlFor="bundle-file">{t('importBundle')}</label></h2>
        <p className="muted">{t('importBundleHint')}</p>
        <input
          id="bundle-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <div aria-live="polite">
          {outcome?.ok === true && <p role="status" className="status">{outcome.text}</p>}
          {outcome?.ok === false && <DataErrorList title={t('importFailed')} errors={outcome.errors} />}
        </div>
      </section>
      <section>
        <h2>{t('export')}</h2>
        <p className="muted">{t('exportHint')}</p>
        <button type="button" className="primary" onClick={exportAll}>{t('export')}</button>
      </section>
      <SheetImport />
    </div>
  );
}
