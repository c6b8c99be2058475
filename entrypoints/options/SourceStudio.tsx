import { useEffect, useId, useRef, useState } from 'react';
import { FilePicker } from '@/components/FilePicker';
import { FindingList } from '@/components/FindingList';
import { t } from '@/utils/platform/i18n';
import { toBackground } from '@/utils/platform/messaging';
import { printOrder, selectFiles, type FileDecision, type SourceFile } from '@/utils/materials/select';
import type { CoverRange, Deposit } from '@/utils/materials/paginate';
import { buildSourceDocument, type SourceDocumentResult, type SourcePhase } from '@/utils/materials/source-document';
import { analysePdf, checkMaterials } from '@/utils/rules/materials';
import type { Finding } from '@/utils/schema/finding';
import type { Work } from '@/utils/schema/work';
import { openBoundedZip } from '@/utils/ui/bounded-zip';
import { droppedFiles, type DroppedEntry } from '@/utils/ui/dropped-files';
import { materialFonts } from '@/utils/ui/material-fonts';
import { pdfjsForPages } from '@/utils/ui/pdfjs';
import { useStore } from '@/utils/ui/store';
import { SEVERITY_TEXT } from '@/utils/ui/severity';
import { WorkSelect } from '@/components/WorkSelect';

/** A source tree as a zip: large enough for a big program, bounded so a hostile archive cannot exhaust memory. */
const ZIP_LIMITS = { maxFileBytes: 200 * 1024 * 1024, maxEntries: 50_000, maxUnpackedBytes: 500 * 1024 * 1024 };

/** The files a folder picker gives, relative to the chosen folder (its own name dropped). */
async function folderFiles(list: readonly File[]): Promise<SourceFile[]> {
  return Promise.all(
    list.map(async (f) => ({ path: (f.webkitRelativePath || f.name).replace(/^[^/]+\//, ''), bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

/** The files of a .zip, relative to its single top folder when it has one. */
async function zipFiles(file: File): Promise<SourceFile[]> {
  const zip = await openBoundedZip(await file.arrayBuffer(), ZIP_LIMITS, { zh: '源代码压缩包', en: 'source zip' });
  if (!zip) throw new Error('不是 zip 文件 / not a zip file');
  const parts = await zip.unpack(zip.names);
  const tops = new Set(zip.names.map((n) => n.split('/')[0]));
  const strip = tops.size === 1 && zip.names.every((n) => n.includes('/'));
  return [...parts].map(([path, bytes]) => ({ path: strip ? path.replace(/^[^/]+\//, '') : path, bytes }));
}

/** 例外交存 (1)'s ranges as the user types them, one a line: `src/secret.ts 10-80`. */
function coverRanges(text: string): CoverRange[] {
  return text.split('\n').flatMap((line) => {
    const m = /^\s*(\S+)\s+(\d+)\s*[-–~]\s*(\d+)\s*$/.exec(line);
    return m ? [{ path: m[1], from: Number(m[2]), to: Number(m[3]) }] : [];
  });
}

type DepositKind = Deposit['kind'];

interface Made {
  doc: SourceDocumentResult;
  check: Finding[];
  url: string;
  name: string;
}

/**
 * 程序鉴别材料制作: a source folder (or a .zip of one) made into the one PDF the portal takes, on
 * this computer: the files chosen as the defaults and .gitignore say (each one can be turned), N
 * printed lines a page with the work's name and version, then the PDF checked at once.
 */
export function SourceStudio() {
  const id = useId();
  const works = useStore(() => toBackground('ruanzhu:works'), []) ?? [];
  const [workId, setWorkId] = useState('');
  const [files, setFiles] = useState<SourceFile[]>([]);
  const [decisions, setDecisions] = useState<FileDecision[]>([]);
  const [include, setInclude] = useState<string[]>([]);
  const [exclude, setExclude] = useState<string[]>([]);
  const [linesPerPage, setLinesPerPage] = useState(50);
  const [headerName, setHeaderName] = useState<'full' | 'short'>('full');
  const [depositKind, setDepositKind] = useState<DepositKind>('standard');
  const [coverText, setCoverText] = useState('');
  const [startPage, setStartPage] = useState(11);
  const [redact, setRedact] = useState<string[]>([]);
  /** The print order the user set (every included path); empty: the default, entry points first. */
  const [order, setOrder] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ phase: SourcePhase; done: number; total: number } | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const work = works.find((w) => w.id === workId);

  useEffect(() => {
    if (!files.length) return setDecisions([]);
    let current = true;
    void selectFiles(files, { include, exclude }).then(({ decisions: d }) => current && setDecisions(d));
    return () => {
      current = false;
    };
  }, [files, include, exclude]);

  const choose = async (read: () => Promise<SourceFile[]>) => {
    setError('');
    setMade(null);
    setInclude([]);
    setExclude([]);
    setRedact([]);
    setOrder([]);
    try {
      setFiles(await read());
    } catch (e) {
      setFiles([]);
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  // A file the user turns on or off: their word wins over the defaults.
  const toggle = (d: FileDecision) => {
    const without = (list: string[]) => list.filter((p) => p !== d.path);
    if (d.included) {
      setInclude(without);
      setExclude((x) => [...without(x), d.path]);
    } else {
      setExclude(without);
      setInclude((x) => [...without(x), d.path]);
    }
  };

  const deposit = (): Deposit =>
    depositKind === 'cover' ? { kind: 'cover', ranges: coverRanges(coverText) } : depositKind === 'ten-plus-fifty' ? { kind: 'ten-plus-fifty', startPage } : { kind: depositKind };

  const generate = async () => {
    if (!work) return;
    setError('');
    setMade(null);
    setSaved(false);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const doc = await buildSourceDocument({
        files,
        work: { fullName: work.fullName, shortName: work.shortName, version: work.version },
        fonts: await materialFonts(),
        linesPerPage,
        headerName,
        deposit: deposit(),
        redact,
        include,
        exclude,
        order,
        signal: controller.signal,
        onProgress: (phase, done, total) => setProgress({ phase, done, total }),
      });
      const check = doc.ok ? checkMaterials(await analysePdf(doc.pdf, await pdfjsForPages()), 'source', work) : [];
      const url = doc.ok ? URL.createObjectURL(new Blob([doc.pdf as BlobPart], { type: 'application/pdf' })) : '';
      setMade({ doc, check, url, name: `${work.fullName}${work.version}-程序鉴别材料.pdf` });
    } catch (e) {
      setError(controller.signal.aborted ? t('studioCancelled') : e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const saveToWork = async (w: Work, doc: SourceDocumentResult) => {
    await toBackground('ruanzhu:save-work', { record: { ...w, sourceLines: doc.sourceLines, languages: doc.languages.text } });
    setSaved(true);
  };

  const included = decisions.filter((d) => d.included);
  // Included files in print order, then the rest as the folder lists them.
  const printed = printOrder(included.map((d) => d.path), order);
  const byPath = new Map(decisions.map((d) => [d.path, d]));
  const rows = [...printed.map((p) => byPath.get(p)!), ...decisions.filter((d) => !d.included)];
  const move = (path: string, by: -1 | 1) => {
    const list = [...printed];
    const i = list.indexOf(path);
    if (i + by < 0 || i + by >= list.length) return;
    [list[i], list[i + by]] = [list[i + by], list[i]];
    setOrder(list);
  };
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="studio"
      // A folder dropped anywhere on the section is chosen as if picked.
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry() as DroppedEntry | null).filter((x): x is DroppedEntry => !!x);
        if (entries.length) void choose(() => droppedFiles(entries));
      }}
    >
      <h2 id={`${id}-title`}>{t('studioTitle')}</h2>
      <p className="muted">{t('studioHint')}</p>
      <div className="row">
        <WorkSelect id={`${id}-work`} label={t('materialsWork')} unnamed={t('unnamed')} works={works} value={workId} onChange={setWorkId} />
        <label htmlFor={`${id}-lines`}>{t('studioLinesPerPage')}</label>
        <input id={`${id}-lines`} type="number" min={50} max={100} value={linesPerPage} onChange={(e) => setLinesPerPage(Math.min(100, Math.max(50, Number(e.target.value) || 50)))} />
        <label htmlFor={`${id}-header`}>{t('studioHeaderName')}</label>
        <select id={`${id}-header`} value={headerName} onChange={(e) => setHeaderName(e.target.value as 'full' | 'short')}>
          <option value="full">{t('studioHeaderFull')}</option>
          <option value="short">{t('studioHeaderShort')}</option>
        </select>
      </div>
      <div className="row">
        <label htmlFor={`${id}-deposit`}>{t('studioDeposit')}</label>
        <select id={`${id}-deposit`} value={depositKind} onChange={(e) => setDepositKind(e.target.value as DepositKind)}>
          <option value="standard">{t('studioDepositStandard')}</option>
          <option value="cover">{t('studioDepositCover')}</option>
          <option value="ten-plus-fifty">{t('studioDepositTenFifty')}</option>
          <option value="object-code">{t('studioDepositObject')}</option>
        </select>
        {depositKind === 'cover' && (
          <>
            <label htmlFor={`${id}-cover`}>{t('studioCoverRanges')}</label>
            <textarea id={`${id}-cover`} rows={3} value={coverText} placeholder="src/secret.ts 10-80" onChange={(e) => setCoverText(e.target.value)} />
          </>
        )}
        {depositKind === 'ten-plus-fifty' && (
          <>
            <label htmlFor={`${id}-start`}>{t('studioStartPage')}</label>
            <input id={`${id}-start`} type="number" min={11} value={startPage} onChange={(e) => setStartPage(Math.max(1, Number(e.target.value) || 11))} />
          </>
        )}
      </div>
      <div className="row">
        <label htmlFor={`${id}-folder`}>{t('studioChooseFolder')}</label>
        <input
          id={`${id}-folder`}
          type="file"
          multiple
          {...{ webkitdirectory: '' }}
          onChange={(e) => void choose(() => folderFiles([...(e.target.files ?? [])]))}
        />
        <label htmlFor={`${id}-zip`}>{t('studioChooseZip')}</label>
        <FilePicker id={`${id}-zip`} accept=".zip,application/zip" onFile={(file) => void choose(() => zipFiles(file))} />
      </div>
      {error && <p className="msg error" role="alert">{error}</p>}
      {decisions.length > 0 && (
        <>
          <p role="status">{t('studioSelected', [included.length, decisions.length, included.reduce((n, d) => n + d.lines, 0)])}</p>
          <table className="studio-files" aria-label={t('studioFiles')}>
            <thead>
              <tr>
                <th>{t('studioInclude')}</th>
                <th>{t('studioPath')}</th>
                <th>{t('studioLanguage')}</th>
                <th>{t('studioLines')}</th>
                <th>{t('studioWhy')}</th>
                <th>{t('studioOrder')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d, i) => (
                <tr key={d.path} data-path={d.path} className={d.included ? 'included' : 'excluded'}>
                  <td>
                    <input type="checkbox" aria-label={d.path} checked={d.included} disabled={d.reason === 'binary' || d.reason === 'undecodable'} onChange={() => toggle(d)} />
                  </td>
                  <td>{d.path}</td>
                  <td>{d.language ?? ''}</td>
                  <td>{d.lines || ''}</td>
                  <td className="muted">{d.note}</td>
                  <td>
                    {d.included && (
                      <>
                        <button type="button" className="link" aria-label={t('studioUp', [d.path])} disabled={i === 0} onClick={() => move(d.path, -1)}>↑</button>
                        <button type="button" className="link" aria-label={t('studioDown', [d.path])} disabled={i === printed.length - 1} onClick={() => move(d.path, 1)}>↓</button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="primary" disabled={!work || !included.length || !!progress} title={work ? undefined : t('studioNeedWork')} onClick={() => void generate()}>
              {t('studioGenerate')}
            </button>
            {progress && (
              <>
                <progress max={progress.total || 1} value={progress.done} aria-label={t('studioProgress', [progress.phase])} />
                <button type="button" onClick={() => abort.current?.abort()}>{t('studioCancel')}</button>
              </>
            )}
          </div>
        </>
      )}
      {made && (
        <div className="studio-result" aria-live="polite">
          {made.doc.ok && (
            <p>
              <a className="button primary" href={made.url} download={made.name}>{t('studioDownload', [made.name])}</a>{' '}
              <span className="muted">{t('studioSummary', [made.doc.pages, made.doc.programPages, made.doc.sourceLines, made.doc.languages.text])}</span>
            </p>
          )}
          {made.doc.ok && work && (
            <p>
              <button type="button" disabled={saved} onClick={() => void saveToWork(work, made.doc)}>{saved ? t('studioSaved') : t('studioSaveToWork')}</button>
            </p>
          )}
          <h3>{t('studioFindings')}</h3>
          {[...made.doc.findings, ...made.check].length ? (
            <FindingList findings={[...made.doc.findings, ...made.check]} severityText={SEVERITY_TEXT} />
          ) : (
            <p className="status">{t('findingsNone')}</p>
          )}
          {made.doc.secrets.length > 0 && (
            <>
              <h3>{t('studioSecrets', [made.doc.secrets.length])}</h3>
              <p className="muted">{t('studioRedactHint')}</p>
              <ul className="secrets">
                {made.doc.secrets.map((s) => (
                  <li key={s.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={redact.includes(s.id) || s.redacted}
                        onChange={(e) => setRedact((r) => (e.target.checked ? [...r, s.id] : r.filter((x) => x !== s.id)))}
                      />
                      {`${s.path}:${s.line} ${s.kind}${s.printed ? '' : ` (${t('studioNotPrinted')})`}`}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          <details>
            <summary>{t('studioPageMap')}</summary>
            <ol className="page-map">
              {made.doc.pageMap.map((p) => (
                <li key={p.page}>{p.ranges.map((r) => `${r.path} ${r.from}–${r.to}`).join('；')}</li>
              ))}
            </ol>
          </details>
        </div>
      )}
    </section>
  );
}
