import { useId, useState } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { fieldName, fieldsForReason } from '@/utils/fields/reasons';
import { correctionDeadline, daysUntil, type CorrectionDeadline } from '@/utils/filings/deadline';
import { FILING_STAGES, filingStageOf, UNKNOWN_STAGE, type Bilingual } from '@/utils/filings/stages';
import { t } from '@/utils/platform/i18n';
import { toBackground } from '@/utils/platform/messaging';
import { todayIso } from '@/utils/rules/common';
import type { Filing, FilingPatch } from '@/utils/schema/filing';
import type { Owner } from '@/utils/schema/owner';
import type { Work } from '@/utils/schema/work';
import { attempt } from '@/utils/ui/attempt';
import { daysLeftText } from '@/utils/ui/filing-texts';
import { useStore } from '@/utils/ui/store';

/** The center's detail page of a filing (docs/PORTALS.md "Pages and routes"). */
const detailUrl = (flowNumber: string) => `https://register.ccopyright.com.cn/accountDetails.html?flowNumber=${encodeURIComponent(flowNumber)}&current=soft_register`;

/** Chinese, then English muted beside it, as the tracker's data is written. */
const Both = ({ text }: { text: Bilingual }) => (
  <>
    {text.zh}
    <span className="en">{text.en}</span>
  </>
);

function basisText(d: CorrectionDeadline): string {
  if (d.basis === 'user-notice') return t('filingBasisUser', [d.noticeDate!]);
  if (d.basis === 'page-notice') return t('filingBasisPageNotice', [d.noticeDate!]);
  return d.basis === 'page-deadline' ? t('filingBasisPageDeadline') : t('filingBasisFirstSeen');
}

function Deadline({ filing, deadline, save }: { filing: Filing; deadline: CorrectionDeadline; save: (patch: FilingPatch) => void }) {
  const id = useId();
  const [date, setDate] = useState(filing.correction?.userNoticeDate ?? filing.correction?.pageNoticeDate ?? '');
  const days = daysUntil(deadline.date, todayIso());
  const tone = days <= 3 ? 'error' : days <= 10 ? 'warning' : 'info';
  return (
    <section className="deadline" data-tone={tone}>
      <h4>{t('filingDeadline')}</h4>
      <p className={`due ${tone}`} data-deadline={deadline.date}>
        <strong>{deadline.date}</strong>（{daysLeftText(days)}）
      </p>
      <p className="muted">{basisText(deadline)}</p>
      <div className="row">
        <label htmlFor={`${id}-notice`}>{t('filingNoticeDate')}</label>
        <input id={`${id}-notice`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <button type="button" disabled={!date || date === filing.correction?.userNoticeDate} onClick={() => save({ userNoticeDate: date })}>{t('filingNoticeSave')}</button>
        {filing.correction?.userNoticeDate && <button type="button" onClick={() => save({ userNoticeDate: null })}>{t('filingNoticeClear')}</button>}
      </div>
    </section>
  );
}

function Reasons({ reasons }: { reasons: string[] }) {
  return (
    <section className="reasons">
      <h4>{t('filingReasons')}</h4>
      <ol>
        {reasons.map((text, i) => {
          const { keys, materials } = fieldsForReason(text);
          const concerns = [...keys.map((k) => fieldName(k).zh), ...materials.map((m) => t('filingMaterial', [m]))];
          return (
            <li key={i}>
              <div>{text}</div>
              <div className="muted">→ {concerns.length ? concerns.join('、') : t('filingReasonNone')}</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function FilingCard({ filing, works, owners, onSaved, onForget }: { filing: Filing; works: Work[]; owners: Owner[]; onSaved: (error: string) => void; onForget: () => void }) {
  const id = useId();
  const stage = filingStageOf(filing.status);
  const guide = stage ? FILING_STAGES[stage] : null;
  const deadline = correctionDeadline(filing);
  const work = works.find((w) => w.id === filing.workId);
  const ownerNames = filing.ownerIds.map((o) => owners.find((x) => x.id === o)?.name || o);
  const save = async (patch: FilingPatch) => {
    const answer = await attempt(() => toBackground('ruanzhu:update-filing', { flowNumber: filing.flowNumber, patch }));
    onSaved(answer.ok ? '' : answer.error);
  };
  return (
    <li className="filing" data-flow-number={filing.flowNumber} data-stage={stage ?? 'unknown'}>
      <header>
        <h3>{[filing.softwareName || t('unnamed'), filing.version].filter(Boolean).join(' ')}</h3>
        <span className="flow">{filing.flowNumber}</span>
        <span className="filing-status">{filing.status}</span>
      </header>
      <div className="row link">
        <label htmlFor={`${id}-work`}>{t('filingWork')}</label>
        <select id={`${id}-work`} value={filing.workId ?? ''} onChange={(e) => void save({ workId: e.target.value || null })}>
          <option value="">{t('filingNoWork')}</option>
          {works.map((w) => (
            <option key={w.id} value={w.id}>{[w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ')}</option>
          ))}
        </select>
        {work && <span className="muted">{filing.linkedBy === 'user' ? t('filingWorkByUser') : t('filingWorkByName')}</span>}
      </div>
      {ownerNames.length > 0 && (
        <p className="owners">
          {t('filingOwners')}：{ownerNames.join('、')}
        </p>
      )}
      {deadline && <Deadline filing={filing} deadline={deadline} save={(patch) => void save(patch)} />}
      {deadline && filing.correction?.reasons.length ? <Reasons reasons={filing.correction.reasons} /> : null}
      <section className="next">
        <p className="meaning">
          <Both text={guide?.meaning ?? UNKNOWN_STAGE} />
        </p>
        {guide && (
          <>
            <h4>{t('filingNext')}</h4>
            <ol className="steps">
              {guide.steps.map((s, i) => (
                <li key={i}>
                  <Both text={s} />
                </li>
              ))}
            </ol>
            <p className="duration">
              <strong>{t('filingDuration')}：</strong>
              <Both text={guide.duration} />
            </p>
          </>
        )}
      </section>
      {filing.progress && (
        <p className="progress">
          {t('filingProgress')}：
          {filing.progress.map((p) => `${p.done ? '✓' : '○'} ${p.step}${p.date ? ` ${p.date}` : ''}`).join(' → ')}
        </p>
      )}
      <section className="history">
        <h4>{t('filingHistory')}</h4>
        <ol>
          {filing.history.map((h, i) => (
            <li key={i}>
              <span className="history-status">{h.status}</span> <span className="muted">{new Date(h.seenAt).toLocaleString()}</span>
            </li>
          ))}
        </ol>
        {filing.appliedOn && (
          <p className="muted">
            {t('filingAppliedOn')}：{filing.appliedOn}
          </p>
        )}
      </section>
      <div className="row">
        <a className="button" href={detailUrl(filing.flowNumber)} target="_blank" rel="noreferrer">{t('filingOpen')}</a>
        <button type="button" className="danger" onClick={onForget}>{t('filingForget')}</button>
      </div>
    </li>
  );
}

/** One line per filing, for an agent following many: status, next step, deadline; a click shows its card. */
function Summary({ filings }: { filings: Filing[] }) {
  const today = todayIso();
  const show = (flowNumber: string) => document.querySelector(`li.filing[data-flow-number="${flowNumber}"]`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <table className="filings-summary">
      <thead>
        <tr>
          <th>{t('filingFlowNumber')}</th>
          <th>{t('filingWork')}</th>
          <th>{t('filingStatus')}</th>
          <th>{t('filingNext')}</th>
          <th>{t('filingDeadline')}</th>
        </tr>
      </thead>
      <tbody>
        {filings.map((f) => {
          const stage = filingStageOf(f.status);
          const deadline = correctionDeadline(f);
          const days = deadline ? daysUntil(deadline.date, today) : null;
          return (
            <tr key={f.flowNumber} data-flow-number={f.flowNumber}>
              <td>
                <button type="button" className="link" onClick={() => show(f.flowNumber)}>{f.flowNumber}</button>
              </td>
              <td>{[f.softwareName, f.version].filter(Boolean).join(' ')}</td>
              <td>{f.status}</td>
              <td>{stage ? FILING_STAGES[stage].next.zh : ''}</td>
              <td className={days !== null && days <= 3 ? 'urgent' : undefined}>{deadline && days !== null ? `${deadline.date}（${daysLeftText(days)}）` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * 登记进度: every filing the center's pages showed, most urgent first, with its status history,
 * its 补正 deadline (the notice's date entered here if the page did not show it) and its next step.
 */
export function FilingsTab() {
  const filings = useStore(() => toBackground('ruanzhu:filings'), []);
  const works = useStore(() => toBackground('ruanzhu:works'), []) ?? [];
  const owners = useStore(() => toBackground('ruanzhu:owners'), []) ?? [];
  const [error, setError] = useState('');
  const [forgetting, setForgetting] = useState<string | null>(null);
  const forget = async () => {
    const flowNumber = forgetting!;
    setForgetting(null);
    const answer = await attempt(() => toBackground('ruanzhu:delete-filing', { flowNumber }));
    setError(answer.ok ? '' : answer.error);
  };
  return (
    <section className="filings" aria-labelledby="filings-title">
      <h2 id="filings-title">{t('filingsTitle')}</h2>
      <p className="muted">{t('filingsHint')}</p>
      {error && <p className="msg error" role="alert">{error}</p>}
      {filings && !filings.length && <p>{t('filingsNone')}</p>}
      {filings && filings.length > 1 && <Summary filings={filings} />}
      <ol className="filing-list">
        {filings?.map((f) => (
          <FilingCard key={f.flowNumber} filing={f} works={works} owners={owners} onSaved={setError} onForget={() => setForgetting(f.flowNumber)} />
        ))}
      </ol>
      <ConfirmDialog
        open={forgetting !== null}
        message={t('confirmForgetFiling', [forgetting ?? ''])}
        confirmLabel={t('filingForget')}
        cancelLabel={t('cancel')}
        onConfirm={() => void forget()}
        onCancel={() => setForgetting(null)}
      />
    </section>
  );
}
