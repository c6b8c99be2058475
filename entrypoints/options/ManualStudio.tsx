import { useId, useState } from 'react';
import { FilePicker } from '@/components/FilePicker';
import { FindingList } from '@/components/FindingList';
import { buildManualDocument, type ManualDocumentResult } from '@/utils/materials/manual-document';
import { buildManualSkeleton } from '@/utils/materials/manual-skeleton';
import { t } from '@/utils/platform/i18n';
import { toBackground } from '@/utils/platform/messaging';
import { analysePdf, checkMaterials } from '@/utils/rules/materials';
import type { Finding } from '@/utils/schema/finding';
import { materialFonts } from '@/utils/ui/material-fonts';
import { pdfjsForPages } from '@/utils/ui/pdfjs';
import { useStore } from '@/utils/ui/store';
import { SEVERITY_TEXT } from '@/utils/ui/severity';
import { WorkSelect } from '@/components/WorkSelect';

const blobUrl = (bytes: Uint8Array, type: string) => URL.createObjectURL(new Blob([bytes as BlobPart], { type }));

/**
 * 文档鉴别材料制作: a user manual's PDF made into the material (its first and last 30 pages, or all
 * of a shorter one, each stamped with the name, the version and a page number top right), checked
 * at once; and a Word skeleton of a manual with the work's own texts to start from.
 */
export function ManualStudio() {
  const id = useId();
  const works = useStore(() => toBackground('ruanzhu:works'), []) ?? [];
  const [workId, setWorkId] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ doc: ManualDocumentResult; check: Finding[]; url: string; name: string } | null>(null);
  const [skeleton, setSkeleton] = useState<{ url: string; name: string } | null>(null);
  const [error, setError] = useState('');
  const work = works.find((w) => w.id === workId);

  const make = async (file: File) => {
    if (!work) return setError(t('studioNeedWork'));
    setBusy(true);
    setError('');
    setMade(null);
    try {
      const pdfjs = await pdfjsForPages();
      const doc = await buildManualDocument({ pdf: new Uint8Array(await file.arrayBuffer()), work, fonts: { cjk: (await materialFonts()).cjk }, pdfjs });
      const check = doc.ok ? checkMaterials(await analysePdf(doc.pdf, pdfjs), 'doc', work) : [];
      setMade({ doc, check, url: doc.ok ? blobUrl(doc.pdf, 'application/pdf') : '', name: `${work.fullName}${work.version}-文档鉴别材料.pdf` });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const makeSkeleton = async () => {
    if (!work) return;
    const bytes = await buildManualSkeleton(work);
    setSkeleton({ url: blobUrl(bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'), name: `${work.fullName}${work.version}-用户手册.docx` });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="studio">
      <h2 id={`${id}-title`}>{t('manualStudioTitle')}</h2>
      <p className="muted">{t('manualStudioHint')}</p>
      <div className="row">
        <WorkSelect id={`${id}-work`} label={t('materialsWork')} unnamed={t('unnamed')} works={works} value={workId} onChange={setWorkId} />
        <button type="button" disabled={!work} onClick={() => void makeSkeleton()}>{t('manualSkeleton')}</button>
        {skeleton && <a className="button" href={skeleton.url} download={skeleton.name}>{t('studioDownload', [skeleton.name])}</a>}
      </div>
      <label htmlFor={`${id}-file`}>{t('manualChoosePdf')}</label>
      <FilePicker id={`${id}-file`} accept=".pdf,application/pdf" onFile={(file) => void make(file)} />
      {busy && <p role="status">{t('materialsReading')}</p>}
      {error && <p className="msg error" role="alert">{error}</p>}
      {made && (
        <div className="studio-result" aria-live="polite">
          {made.doc.ok && (
            <p>
              <a className="button primary" href={made.url} download={made.name}>{t('studioDownload', [made.name])}</a>{' '}
              <span className="muted">{t('manualSummary', [made.doc.pages, made.doc.sourcePages])}</span>
            </p>
          )}
          {[...made.doc.findings, ...made.check].length ? (
            <FindingList findings={[...made.doc.findings, ...made.check]} severityText={SEVERITY_TEXT} />
          ) : (
            <p className="status">{t('findingsNone')}</p>
          )}
        </div>
      )}
    </section>
  );
}
