import { addDays, CORRECTION_DAYS, daysUntil } from '@/utils/filings/deadline';
import { FILING_STAGES, filingStageOf, UNKNOWN_STAGE, type FilingStage } from '@/utils/filings/stages';
import type { FilingReading } from '@/utils/schema/filing';
import { reasonItem, type Block, type Guide, type Line, type Section } from './guidance';

/*
 * The guidance on the center's filing list and detail, as plain data (guide-panel.ts renders it):
 * per status what it means, the next step and how long it takes (utils/filings/stages.ts); on a
 * 补正, the deadline the page's notice gives and the reasons with the profile fields and materials
 * they concern. Built from the page's own text alone: no profile is loaded for these pages, so
 * none of its values can appear (SECURITY.md).
 */

const TITLE = { zh: '登记状态说明', en: 'filing status guide' };
const RECORDED: Line = {
  tone: 'info',
  zh: '本页显示的登记已记入“登记进度”（选项页），状态变化和补正期限都在那里。',
  en: 'The filings on this page are recorded in the options page’s 登记进度, with their status history and deadlines.',
};

const filingName = (r: FilingReading) => [[r.softwareName, r.version].filter(Boolean).join(' '), r.flowNumber].filter(Boolean).join(' · ');

function block(status: string, items: string[], sections: Section[]): Block<FilingStage> {
  const stage = filingStageOf(status);
  if (!stage) return { status, stage, name: { zh: status, en: 'a status the assistant does not know' }, orders: items, meaning: UNKNOWN_STAGE, steps: [], sections: [] };
  const g = FILING_STAGES[stage];
  const duration: Section = { kind: 'lines', title: { zh: '之后多久', en: 'How long' }, lines: [{ tone: 'info', zh: g.duration.zh, en: g.duration.en }] };
  return { status, stage, name: g.name, orders: items, meaning: g.meaning, steps: g.steps, sections: [duration, ...sections] };
}

/** The deadline as the page's notice gives it, or how to get one. */
function deadlineSection(r: FilingReading, today: string): Section {
  const title = { zh: '补正期限', en: 'Deadline' };
  const notice = r.correction?.noticeDate;
  const due = r.correction?.deadline ?? (notice ? addDays(notice, CORRECTION_DAYS) : undefined);
  if (!due) {
    return {
      kind: 'lines',
      title,
      lines: [{ tone: 'warning', zh: `本页没有显示补正通知的日期：请在选项页“登记进度”中填写，软著助手按 ${CORRECTION_DAYS} 日计算期限并提醒。`, en: `This page shows no date of the notice: enter it in the options page’s 登记进度; the assistant counts ${CORRECTION_DAYS} days and reminds you.` }],
    };
  }
  const left = daysUntil(due, today);
  const tone = left < 0 || left <= 3 ? 'error' : left <= 10 ? 'warning' : 'info';
  const from = notice ? { zh: `补正通知日期 ${notice}，`, en: `notice of ${notice}; ` } : { zh: '', en: '' };
  const when = left < 0 ? { zh: `已过期 ${-left} 天`, en: `${-left} day(s) late` } : left === 0 ? { zh: '今天到期', en: 'due today' } : { zh: `还剩 ${left} 天`, en: `${left} day(s) left` };
  return { kind: 'lines', title, lines: [{ tone, zh: `${from.zh}须在 ${due} 前补正（${when.zh}）；逾期未补正的，视为撤回申请。`, en: `${from.en}corrections due by ${due} (${when.en}); unanswered, the application counts as withdrawn.` }] };
}

function reasonsSection(r: FilingReading): Section {
  const reasons = r.correction?.reasons ?? [];
  const title = { zh: '补正原因', en: 'Reasons for the corrections' };
  if (!reasons.length) return { kind: 'reasons', title, items: [], note: { tone: 'warning', zh: '本页没有找到补正原因：打开补正通知后，这里会列出。', en: 'No reasons on this page: open the notice and they are listed here.' } };
  // No profile on these pages: the fields are named, never compared.
  return { kind: 'reasons', title, items: reasons.map((text) => reasonItem(text, null)) };
}

/** The guide of the filing list: one block per status present, in the list's order. */
export function filingListGuide(rows: readonly FilingReading[]): Guide<FilingStage> {
  const groups = new Map<string, FilingReading[]>();
  for (const r of rows) {
    const key = filingStageOf(r.status) ?? `?${r.status}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return { title: TITLE, itemLabel: '登记', profile: RECORDED, blocks: [...groups.values()].map((g) => block(g[0].status, g.map(filingName), [])) };
}

/** The guide of one filing's detail; a 补正 adds its deadline and reasons. */
export function filingDetailGuide(r: FilingReading, today: string): Guide<FilingStage> {
  const sections = filingStageOf(r.status) === 'correction' ? [deadlineSection(r, today), reasonsSection(r)] : [];
  return { title: TITLE, itemLabel: '登记', profile: RECORDED, blocks: [block(r.status, [filingName(r)], sections)] };
}
