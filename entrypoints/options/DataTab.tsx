import { useState } from 'react';
import { DataErrorList } from '@/components/DataErrorList';
import { importBundleText } from '@/utils/platform/bundle-transfer';
import { toBackground } from '@/utils/platform/messaging';
import { BUNDLE_FILE, BUNDLE_FILE_SUFFIX, type DataError } from '@/utils/schema';
import { BUNDLE_LIMITS, fileTooLarge } from '@/utils/schema/import-limits';
import { FilePicker } from '@/components/FilePicker';
import { t } from '@/utils/platform/i18n';
import { saveFile } from '@/utils/ui/download';
import { SheetImport } from './SheetImport';
import { WordTransfer } from './WordTransfer';

type Outcome = { ok: true; text: string } | { ok: false; errors: DataError[] } | null;

const asErrors = (message: string) => ({ ok: false as const, errors: [{ path: '', record: '', field: '', message }] });

export function DataTab() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** The text of an encrypted bundle waiting for its passphrase. */
  const [sealedFile, setSealedFile] = useState<string>();
  const [importPass, setImportPass] = useState('');
  const [exportPass, setExportPass] = useState('');

  const runImport = async (text: string, passphrase?: string) => {
    try {
      const r = await importBundleText(text, passphrase);
      // An encrypted file (only the background opens it) first asks for its passphrase in the form below.
      if (!r.ok && r.needsPassphrase && passphrase === undefined) return setSealedFile(text);
      setOutcome(r.ok ? { ok: true, text: [t('importOk', [r.owners, r.works, r.created, r.updated]), ...(r.filings ? [t('importOkFilings', [r.filings])] : [])].join('') } : { ok: false, errors: r.errors });
      if (r.ok) setSealedFile(undefined);
    } catch (e) {
      setOutcome(asErrors((e as Error).message));
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setSealedFile(undefined);
    // Refused before a byte is read: the page would otherwise hold, and parse, all of it.
    if (file.size > BUNDLE_LIMITS.maxFileBytes) return setOutcome(asErrors(fileTooLarge(BUNDLE_FILE, BUNDLE_LIMITS.maxFileBytes)));
    setOutcome(null);
    // The background reads and validates it (one pass, with the same located messages), then writes all or nothing.
    await runImport(await file.text());
  };

  const exportAll = async () => {
    try {
      const file = await toBackground('ruanzhu:export', { passphrase: exportPass || undefined });
      const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      saveFile(`ruanzhu-${day}${exportPass ? '.encrypted' : ''}${BUNDLE_FILE_SUFFIX}`, JSON.stringify(file, null, 2));
    } catch (e) {
      setOutcome(asErrors((e as Error).message));
    }
  };

  return (
    <div className="data">
      <section>
        <h2><label htmlFor="bundle-file">{t('importBundle')}</label></h2>
        <p className="muted">{t('importBundleHint')}</p>
        <FilePicker id="bundle-file" accept=".json,application/json" onFile={(file) => void importFile(file)} />
        {sealedFile !== undefined && (
          <form className="row" onSubmit={(e) => { e.preventDefault(); void runImport(sealedFile, importPass); }}>
            <label htmlFor="import-pass">{t('importPassphrase')}</label>
            <input id="import-pass" type="password" autoComplete="off" value={importPass} onChange={(e) => setImportPass(e.target.value)} />
            <button type="submit" className="primary">{t('importButton')}</button>
          </form>
        )}
        <div aria-live="polite">
          {outcome?.ok === true && <p role="status" className="status">{outcome.text}</p>}
          {outcome?.ok === false && <DataErrorList title={t('importFailed')} errors={outcome.errors} />}
        </div>
      </section>
      <section>
        <h2>{t('export')}</h2>
        <p className="muted">{t('exportHint')}</p>
        <p>
          <label htmlFor="export-pass">{t('exportEncrypt')}</label>
          <input id="export-pass" type="password" autoComplete="new-password" minLength={8} value={exportPass} onChange={(e) => setExportPass(e.target.value)} />
        </p>
        <button type="button" className="primary" onClick={exportAll} disabled={exportPass !== '' && [...exportPass].length < 8}>{t('export')}</button>
      </section>
      <SheetImport />
      <WordTransfer />
    </div>
  );
}
