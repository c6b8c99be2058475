import { labelText } from '@/utils/text/normalize';
import type { InspectMaterialResponse, RequestOf } from '@/utils/contract/messages';
import type { Finding } from '@/utils/schema/finding';
import { checkSignaturePage, type SignatureExpectation } from '@/utils/rules/filing';
import { checkMaterials, PRECHECK_BYTES, precheckPdf, type MaterialKind, type PdfReport } from '@/utils/rules/materials';
import type { PhotoInput } from '@/utils/rules/photo';
import { measurePhoto, type PhotoMeasurement } from '@/utils/platform/photo-decode';
import type { Work } from '@/utils/schema/work';
import { bytesToBase64 } from '@/utils/encoding/base64';
import { statedSizeLimit } from './size-limit';
import { UPLOAD_PREFIX } from '@/utils/fields/labels';

/*
 * Files chosen in the page's upload controls, checked where they are chosen and never uploaded or
 * stored: photos with measurePhoto (what the header decides at once, then the quality of a copy the
 * browser decodes off the main thread at reduced size), material PDFs and the 签章页 with the
 * pdf.js-free checks at once and pdf.js in the background. The verdict appears next to the control
 * (`VerdictView`).
 */

/** What a chosen file is checked as. */
export type UploadTarget = { as: 'photo'; kind: NonNullable<PhotoInput['kind']> } | { as: 'material'; material: MaterialKind } | { as: 'signature' };

/** Largest PDF sent to the background for the page-by-page checks (base64 grows it by a third; Chrome's message limit is 64 MiB). */
export const MAX_MATERIAL_BYTES = 32 * 1024 * 1024;

const IMAGE_EXT = /\.(jpe?g|png|heic|heif|webp|gif|bmp|tiff?)$/i;
const UPLOAD_BOX = '.upload-box, .upLoadBox, .el-upload, .el-upload-dragger, .upload';

/** The element the upload shows the user: its box, its label, or (a visible input) the input. */
export function uploadAnchor(input: HTMLInputElement): Element {
  return input.closest(UPLOAD_BOX) ?? input.closest('label') ?? (input.offsetParent ? input : (input.parentElement ?? input));
}

/** The words that name the upload: its label or caption, else its section's title. */
export function uploadCaption(input: HTMLInputElement): string {
  const own =
    labelText(input.closest('label')?.textContent ?? '') ||
    labelText(input.getAttribute('aria-label') ?? input.title ?? '') ||
    labelText(input.closest('.upLoadBox')?.querySelector(':scope > .upLoad-title')?.textContent ?? '') ||
    // The title may stand beside the box, in the unit the two share (one unit per upload in a section of several).
    labelText(input.closest('.fillin_info')?.querySelector(':scope > .upLoad-title')?.textContent ?? '');
  if (own) return own.slice(0, 40);
  const section = input.closest('.fillin_item, .el-form-item');
  const title = section?.querySelector(':scope > h3, :scope > .fillin_title, :scope > .el-form-item__label');
  return labelText(title?.textContent ?? '').slice(0, 40);
}

/** The text around the upload that may state its limit and what it takes: the box, then its section. */
export function uploadContext(input: HTMLInputElement): string[] {
  const anchor = uploadAnchor(input);
  const section = input.closest('.fillin_item, .el-form-item') ?? anchor.parentElement;
  return [anchor.textContent ?? '', section?.textContent ?? ''].map((t) => labelText(t).slice(0, 600));
}

/**
 * What the file is checked as: a 程序/文档鉴别材料 upload takes a material; any other upload an
 * image is chosen in (by the file's type or name, or an upload that asks for images) takes a photo;
 * anything else (a Word template, a spreadsheet) is not ours to judge.
 */
export function uploadTarget(caption: string, context: readonly string[], accept: string, file: { name: string; type: string }): UploadTarget | null {
  const kindIn = (text: string): MaterialKind | null => (/程序鉴别材料|源程序/.test(text) ? 'source' : /文档鉴别材料/.test(text) ? 'doc' : null);
  // The upload's own words first: a section may hold both materials.
  const material = kindIn(`${caption} ${context[0] ?? ''}`) ?? kindIn(context[1] ?? '');
  if (material) return { as: 'material', material };
  // The 签章页 is judged as a PDF whatever was chosen: a JPG there is the mistake to catch.
  if (/签章页/.test(`${caption} ${context.join(' ')}`)) return { as: 'signature' };
  const image = file.type.startsWith('image/') || IMAGE_EXT.test(file.name) || /image\/|\.(jpe?g|png)\b/i.test(accept);
  return image ? { as: 'photo', kind: /手持/.test(caption) ? 'handheld' : 'card' } : null;
}

/** A verdict as the control shows it. */
export type Verdict =
  /** `findings`: what is already known while the rest is checked (they stay in the final verdict). */
  | { state: 'checking'; findings?: Finding[]; details?: string[]; note?: string }
  | { state: 'done'; findings: Finding[]; details: string[]; note?: string }
  | { state: 'failed'; error: string };

/** Shows a verdict next to an upload control. */
export interface VerdictView {
  show(anchor: Element, verdict: Verdict): void;
}

export interface UploadChecksDeps {
  /** The form's name, short name, version and source lines, for the materials' headers. */
  materialWork(): Partial<Pick<Work, 'fullName' | 'shortName' | 'version' | 'sourceLines'>>;
  /** Sends `ruanzhu:inspect-material` to the background. */
  inspectMaterial(request: RequestOf<'ruanzhu:inspect-material'>): Promise<InspectMaterialResponse>;
  /** What the page shows of the filing a 签章页 chosen in this input is for. */
  signatureFor(input: HTMLInputElement): SignatureExpectation;
  /** Sends `ruanzhu:inspect-signature` to the background. */
  inspectSignature(request: RequestOf<'ruanzhu:inspect-signature'>): Promise<InspectMaterialResponse>;
  view: VerdictView;
  /** Findings as the page may show them (no profile value the page has not shown). */
  redact(findings: Finding[]): Finding[];
  /** Told after each verdict: the page's check may include it. */
  changed(): void;
  /** Localised detail lines: the pixel size, the page count, the too-big note. */
  texts: { pixels(w: number, h: number): string; pages(n: number): string; tooBig(mb: number): string };
}

interface UploadState {
  key: string;
  anchor: Element;
  /** Bumped per chosen file: a late answer for an earlier file is dropped. */
  seq: number;
  findings: Finding[];
}

export class UploadChecks {
  private readonly uploads = new Map<HTMLInputElement, UploadState>();

  constructor(private readonly deps: UploadChecksDeps) {}

  /**
   * The document-level `change` listener: every file input, whatever the page's own handlers do.
   * Only a file the user chose counts: a page can put any file in an input and fire `change` as
   * often as it likes, and each would cost a PDF read in the background.
   */
  listen(doc: Document, signal: AbortSignal): void {
    doc.addEventListener(
      'change',
      (e) => {
        if (e.isTrusted && e.target instanceof HTMLInputElement && e.target.type === 'file') void this.chosen(e.target);
      },
      { capture: true, signal },
    );
  }

  /** Uploads still on the page; a step that re-rendered dropped its controls and their verdicts. */
  private live(): [HTMLInputElement, UploadState][] {
    for (const [input, s] of this.uploads) if (!input.isConnected || !s.anchor.isConnected) this.uploads.delete(input);
    return [...this.uploads];
  }

  findings(): Finding[] {
    return this.live().flatMap(([, s]) => s.findings);
  }

  elements(): ReadonlyMap<string, Element> {
    return new Map(this.live().map(([, s]) => [s.key, s.anchor]));
  }

  private keyFor(input: HTMLInputElement, caption: string): string {
    const base = `${UPLOAD_PREFIX}${caption || '文件'}`;
    const taken = new Set(this.live().filter(([i]) => i !== input).map(([, s]) => s.key));
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base} ${n}`;
    return key;
  }

  async chosen(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const caption = uploadCaption(input);
    const context = uploadContext(input);
    const target = file ? uploadTarget(caption, context, input.accept, file) : null;
    const previous = this.uploads.get(input);
    if (!file || !target) {
      if (previous) {
        this.uploads.delete(input);
        this.deps.changed();
      }
      return;
    }
    const state: UploadState = { key: previous?.key ?? this.keyFor(input, caption), anchor: uploadAnchor(input), seq: (previous?.seq ?? 0) + 1, findings: [] };
    this.uploads.set(input, state);
    const seq = state.seq;
    const current = () => this.uploads.get(input)?.seq === seq;
    const show = (verdict: Verdict) => {
      if (!current()) return;
      const safe: Verdict = verdict.state !== 'failed' && verdict.findings ? { ...verdict, findings: this.deps.redact(verdict.findings) } : verdict;
      if (safe.state !== 'failed' && safe.findings) state.findings = safe.findings;
      this.deps.view.show(state.anchor, safe);
      if (verdict.state !== 'checking') this.deps.changed();
    };
    // The limit the upload's own box states wins over one stated for the whole section.
    const limit = context.map(statedSizeLimit).find((n) => n !== null) ?? undefined;
    show({ state: 'checking' });
    try {
      if (target.as === 'photo') {
        const details = (m: { width: number; height: number }) => (m.width ? [this.deps.texts.pixels(m.width, m.height)] : []);
        // What the header decides (a file over the limit is refused whatever its pixels show) is shown while the picture decodes.
        const onHeader = (h: PhotoMeasurement) => {
          if (h.findings.length) show({ state: 'checking', findings: h.findings, details: details(h) });
        };
        const m = await measurePhoto(file, limit, { kind: target.kind, key: state.key }, onHeader);
        show({ state: 'done', findings: m.findings, details: details(m) });
      } else if (target.as === 'material') {
        const { material } = target;
        const work = this.deps.materialWork();
        await this.pdf(file, show, {
          problem: (report) => checkMaterials(report, material, work as Work, { sizeLimitBytes: limit }).map((f) => ({ ...f, key: state.key })),
          inspect: (data) => this.deps.inspectMaterial({ data, material, work, sizeLimitBytes: limit, key: state.key }),
        });
      } else {
        const expected = this.deps.signatureFor(input);
        await this.pdf(file, show, {
          problem: (report) => checkSignaturePage(report, expected, file.name, state.key),
          inspect: (data) => this.deps.inspectSignature({ data, fileName: file.name, expected, key: state.key }),
        });
      }
    } catch (e) {
      show({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  /**
   * A PDF's verdict: what its first and last bytes show at once (not a PDF, cut off), else pdf.js's
   * reading in the background; a file too big to send is said to be so.
   */
  private async pdf(file: File, show: (v: Verdict) => void, judge: { problem(report: PdfReport): Finding[]; inspect(data: string): Promise<InspectMaterialResponse> }): Promise<void> {
    const [head, tail] = await Promise.all([file.slice(0, PRECHECK_BYTES), file.slice(Math.max(0, file.size - PRECHECK_BYTES))].map(async (b) => new Uint8Array(await b.arrayBuffer())));
    const problem = precheckPdf(head, tail, file.size);
    if (problem) return show({ state: 'done', findings: judge.problem(problem), details: [] });
    if (file.size > MAX_MATERIAL_BYTES) {
      return show({ state: 'done', findings: [], details: [], note: this.deps.texts.tooBig(Math.round(MAX_MATERIAL_BYTES / 1024 / 1024)) });
    }
    const answer = await judge.inspect(bytesToBase64(new Uint8Array(await file.arrayBuffer())));
    show({ state: 'done', findings: answer.findings, details: answer.pages ? [this.deps.texts.pages(answer.pages)] : [] });
  }
}
