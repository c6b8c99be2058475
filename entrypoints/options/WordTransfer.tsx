import { useState } from 'react';
import { DataErrorList } from '@/components/DataErrorList';
import { wordBytes, wordFileName } from '@/utils/ui/word-sheet/word-export';
import { importWord, type WordImport } from '@/utils/ui/word-sheet/word-import';
import { FilePicker } from '@/components/FilePicker';
import { t } from '@/utils/platform/i18n';
import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { saveFile } from '@/utils/ui/download';
import type { Owner } from '@/utils/schema/owner';
import { newId } from '@/utils/schema/ids';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Message = { ok: boolean; text: string } | null;

/**
 * The 智能识别 path of Alibaba Cloud's 软著 service: an owner's software as a filled Word data sheet
 * (to send to a client, or to upload in the console), and a filled sheet back into the profiles,
 * previewed first and imported through the background like any bundle.
 */
export function WordTransfer() {
  const owners = useStore(() => toBackground('ruanzhu:owners'), []) ?? [];
  const [ownerId, setOwnerId] = useState('');
  const works = useStore(() => (ownerId ? toBackground('ruanzhu:works', { query: { ownerId } }) : Promise.resolve([])), [ownerId]) ?? [];
  const [workId, setWorkId] = useState('');
  const [exportMessage, setExportMessage] = useState<Message>(null);
  const [result, setResult] = useState<WordImport | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const work = works.find((w) => w.id === workId);

  const exportWord = async () => {
    if (!work) return;
    setExportMessage(null);
    try {
      // The work's owners in its order: the chosen one is among them (the list shows its works).
      const found = await Promise.all(work.ownerIds.map((id) => toBackground('ruanzhu:owner', { id })));
      saveFile(wordFileName(work), await wordBytes(work, found.filter((o): o is Owner => !!o)), DOCX);
    } catch (e) {
      setExportMessage({ ok: false, text: (e as Error).message });
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    setResult(null);
    try {
      const [storedOwners, storedWorks] = await Promise.all([toBackground('ruanzhu:owners'), toBackground('ruanzhu:works')]);
      setResult(await importWord(await file.arrayBuffer(), { owners: storedOwners, works: storedWorks }, newId));
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  const runImport = async () => {
    if (!result?.ok) return;
    try {
      const r = await toBackground('ruanzhu:import', { bundle: result.bundle });
      if (r.ok) {
        setResult(null);
        setMessage({ ok: true, text: t('importOk', [r.owners, r.works, r.created, r.updated]) });
      } else setResult({ ok: false, errors: r.errors });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  const status = (existing: boolean) => (existing ? t('wordUpdate') : t('wordNew'));

  return (
    <section className="word-transfer">
      <h2>{t('wordTitle')}</h2>
      <p className="muted">{t('wordHint')}</p>
      <p className="row">
        <label htmlFor="word-owner">{t('popupChooseOwner')}</label>
        <select id="word-owner" value={ownerId} onChange={(e) => { setOwnerId(e.target.value); setWorkId(''); }}>
          <option value="">{t('wordChoose')}</option>
          {owners.map((o) => <option key={o.id} value={o.id}>{o.name || o.id}</option>)}
        </select>
        <label htmlFor="word-work">{t('popupChooseWork')}</label>
        <select id="word-work" value={workId} disabled={!ownerId} onChange={(e) => setWorkId(e.target.value)}>
          <option value="">{ownerId && !works.length ? t('wordNoWorks') : t('wordChoose')}</option>
          {works.map((w) => <option key={w.id} value={w.id}>{[w.fullName || w.id, w.version].filter(Boolean).join(' ')}</option>)}
        </select>
        <button type="button" className="primary" disabled={!work} onClick={exportWord}>{t('wordExport')}</button>
      </p>
      {exportMessage && <p role="alert" className="msg error">{exportMessage.text}</p>}

      <h3><label htmlFor="word-file">{t('wordImport')}</label></h3>
      <p className="muted">{t('wordImportHint')}</p>
      <FilePicker id="word-file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onFile={(file) => void choose(file)} />
      <div aria-live="polite">
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status' : 'msg error'}>{message.text}</p>}
        {result?.ok === false && <DataErrorList title={t('importFailed')} errors={result.errors} />}
        {result?.ok && (
          <>
            <h3>{t('preview')}</h3>
            <table aria-label={t('preview')}>
              <tbody>
                {result.preview.owners.map(({ record, existing }) => (
                  <tr key={record.id}>
                    <th scope="row">{t('popupChooseOwner')}</th><td>{record.name}</td><td>{record.idNumber}</td><td>{status(existing)}</td>
                  </tr>
                ))}
                {result.preview.work && (
                  <tr>
                    <th scope="row">{t('popupChooseWork')}</th><td>{result.preview.work.record.fullName}</td><td>{result.preview.work.record.version}</td><td>{status(result.preview.work.existing)}</td>
                  </tr>
                )}
              </tbody>
            </table>
            {result.preview.unknown.length > 0 && <p className="muted">{t('wordUnknown', [result.preview.unknown.join('、')])}</p>}
            <p><button type="button" className="primary" onClick={runImport}>{t('importButton')}</button></p>
          </>
        )}
      </div>
    </section>
  );
}
