import { useEffect, useId, useState } from 'react';
import { FindingList } from '@/components/FindingList';
import { pdfjsForPages } from '@/utils/ui/pdfjs';
import { FilePicker } from '@/components/FilePicker';
import { t } from '@/utils/platform/i18n';
import type { Finding } from '@/utils/schema/finding';
import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { analysePdf, checkMaterials, type MaterialKind, type PdfReport } from '@/utils/rules/materials';
import { WATERMARK_TEXT } from '@/utils/rules/photo';
import { measurePhoto, watermarkPhoto } from '@/utils/platform/photo-decode';
import type { Work } from '@/utils/schema/work';
import { ManualStudio } from './ManualStudio';
import { SourceStudio } from './SourceStudio';
import { SEVERITY_TEXT } from '@/utils/ui/severity';
import { WorkSelect } from '@/components/WorkSelect';


/** Findings, or the line that says there are none. */
function Verdict({ findings, details }: { findings: Finding[]; details: string[] }) {
  return (
    <div className="verdict" aria-live="polite">
      {details.length > 0 && <p className="muted">{details.join(' · ')}</p>}
      {findings.length ? <FindingList findings={findings} severityText={SEVERITY_TEXT} /> : <p className="status">{t('findingsNone')}</p>}
    </div>
  );
}

/** 鉴别材料: a PDF read with pdf.js (its worker a file of the extension), judged against a chosen work. */
function PdfCheck() {
  const id = useId();
  const works = useStore(() => toBackground('ruanzhu:works'), []) ?? [];
  const [kind, setKind] = useState<MaterialKind>('source');
  const [workId, setWorkId] = useState('');
  const [report, setReport] = useState<PdfReport | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState('');
  const work = works.find((w) => w.id === workId);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    setError('');
    setReport(null);
    try {
      setReport(await analysePdf(new Uint8Array(await file.arrayBuffer()), await pdfjsForPages()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };
  // Judged again when the kind or the work changes; the file is read once.
  const findings = report ? checkMaterials(report, kind, work ?? ({} as Work)) : [];
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('materialsPdfTitle')}</h2>
      <p className="muted">{t('materialsPdfHint')}</p>
      <div className="row">
        <label htmlFor={`${id}-kind`}>{t('materialsKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MaterialKind)}>
          <option value="source">{t('materialsSource')}</option>
          <option value="doc">{t('materialsDoc')}</option>
        </select>
        <WorkSelect id={`${id}-work`} label={t('materialsWork')} unnamed={t('unnamed')} works={works} value={workId} onChange={setWorkId} />
      </div>
      <label htmlFor={`${id}-file`}>{t('materialsChoosePdf')}</label>
      <FilePicker id={`${id}-file`} accept=".pdf,application/pdf" onFile={(file) => void read(file)} />
      {reading && <p role="status">{t('materialsReading')}</p>}
      {error && <p className="msg error">{t('fileCheckFailed', [error])}</p>}
      {report && <Verdict findings={findings} details={report.ok ? [t('materialPages', [report.pages])] : []} />}
    </section>
  );
}

/** 证件照: the same checks as beside the portal's upload controls. */
function PhotoCheck() {
  const id = useId();
  const [kind, setKind] = useState<'card' | 'handheld'>('card');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ findings: Finding[]; details: string[] } | null>(null);
  useEffect(() => {
    if (!file) return;
    let current = true;
    void measurePhoto(file, undefined, { kind }).then((m) => current && setResult({ findings: m.findings, details: m.width ? [t('photoPixels', [m.width, m.height])] : [] }));
    return () => {
      current = false;
    };
  }, [file, kind]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('photoTitle')}</h2>
      <p className="muted">{t('photoHint')}</p>
      <div className="row">
        <label htmlFor={`${id}-kind`}>{t('photoKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as 'card' | 'handheld')}>
          <option value="card">{t('photoCard')}</option>
          <option value="handheld">{t('photoHandheld')}</option>
        </select>
      </div>
      <label htmlFor={`${id}-file`}>{t('photoChoose')}</label>
      <input id={`${id}-file`} type="file" accept="image/*" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {result && <Verdict {...result} />}
    </section>
  );
}

/** The watermark tool: a new file for the user to save and upload; nothing is kept. */
function Watermark() {
  const id = useId();
  const [out, setOut] = useState<{ url: string; name: string } | null>(null);
  const [error, setError] = useState('');
  // The object URL lives as long as the link that offers it.
  useEffect(() => () => {
    if (out) URL.revokeObjectURL(out.url);
  }, [out]);
  const make = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    setOut(null);
    try {
      const blob = await watermarkPhoto(file, WATERMARK_TEXT);
      const ext = blob.type === 'image/png' ? 'png' : 'jpg';
      // An ASCII suffix: a browser whose file system cannot take the name saves it as "download".
      setOut({ url: URL.createObjectURL(blob), name: `${file.name.replace(/\.[^.]+$/, '')}-watermark.${ext}` });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('watermarkTitle')}</h2>
      <p className="muted">{t('watermarkHint', [WATERMARK_TEXT])}</p>
      <label htmlFor={`${id}-file`}>{t('watermarkChoose')}</label>
      <FilePicker id={`${id}-file`} accept=".jpg,.jpeg,.png,image/jpeg,image/png" onFile={(file) => void make(file)} />
      {error && <p className="msg error">{t('watermarkFailed', [error])}</p>}
      {out && (
        <div className="watermarked">
          <img src={out.url} alt={out.name} />
          <a className="button primary" href={out.url} download={out.name}>{t('watermarkSave')}</a>
        </div>
      )}
    </section>
  );
}

/** 材料: the program material made from a source folder, materials and photos checked on this computer, and the watermark tool. */
export function MaterialsTab() {
  return (
    <div className="materials">
      <SourceStudio />
      <ManualStudio />
      <PdfCheck />
      <PhotoCheck />
      <Watermark />
    </div>
  );
}
