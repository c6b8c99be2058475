import { ownersInOrder, valueFor } from '@/utils/fields/values';
import { redactForPage } from '@/utils/findings/redact';
import type { PlanValues } from '@/utils/contract/messages';
import type { Finding } from '@/utils/schema/finding';
import { checkRealNameMatch, checkRealNameRequired, type NameAndId } from '@/utils/rules/consistency';
import type { Work } from '@/utils/schema/work';
import type { OrderPage, OrderRow, Reasons } from '@/utils/content/reading/order-page';
import { fieldName, fieldsForReason, type Material, type ProfileKey } from '@/utils/fields/reasons';
import { STAGE_GUIDES, stageOf, type Bilingual, type OrderStage } from './status';

/**
 * The guidance shown on the console's order pages, as plain data (the content script renders it):
 * per status what it means and the next step; for 待授权提交 the real-name check of the chosen
 * profile; for 预审核失败 and 补正 the reasons on the page and the fields they concern; for the
 * mailing step the checklist of what to mail.
 */

export type Tone = 'ok' | 'info' | 'warning' | 'error';
export interface Line extends Bilingual {
  tone: Tone;
}

export interface ReasonItem {
  text: string;
  /** Whether the chosen profile has this field filled in (null: no profile chosen). */
  fields: { name: Bilingual; filled: boolean | null }[];
  materials: Material[];
}

export type Section =
  | { kind: 'lines'; title: Bilingual; lines: Line[] }
  | { kind: 'reasons'; title: Bilingual; items: ReasonItem[]; note?: Line }
  | { kind: 'checklist'; title: Bilingual; items: Bilingual[] };

export interface Block<Stage extends string = OrderStage> {
  /** The status as the page words it. */
  status: string;
  stage: Stage | null;
  /** The stage's name (English for the page's word); for an unknown status, the status itself. */
  name: Bilingual;
  /** The orders in this status (the list groups them; an order's page has one). */
  orders: string[];
  meaning: Bilingual;
  steps: readonly Bilingual[];
  sections: Section[];
}

export interface Guide<Stage extends string = OrderStage> {
  /** The panel's title and what its items are (the console's orders by default; the center's filings). */
  title?: Bilingual;
  itemLabel?: string;
  /** Whose data the checks use, or a hint to choose a profile. */
  profile: Line;
  blocks: Block<Stage>[];
}

const line = (tone: Tone, zh: string, en: string): Line => ({ tone, zh, en });
const UNKNOWN: Bilingual = {
  zh: '软著助手不认识这个状态，没有说明；请以控制台的提示为准。',
  en: 'The assistant does not know this status and gives no guidance; follow the console.',
};

/** A rule finding as a line: its message is "中文 / English". */
function findingLine(f: Finding, prefix: Bilingual | null): Line {
  const cut = f.message.indexOf(' / ');
  const [zh, en] = cut >= 0 ? [f.message.slice(0, cut), f.message.slice(cut + 3)] : [f.message, f.message];
  return line(f.severity === 'info' ? 'info' : f.severity, prefix ? `${prefix.zh}${zh}` : zh, prefix ? `${prefix.en}${en}` : en);
}

/*
 * The guide lives on the console's page: it names owners by their place and says whether the
 * profile has a value, never what the value is (SECURITY.md: the page sees no profile value it did
 * not show). The popup, the extension's own page, shows whose profile it is.
 */
const ownerLabel = (i: number, several: boolean): Bilingual => (several ? { zh: `第 ${i + 1} 著作权人`, en: `owner ${i + 1}` } : { zh: '著作权人', en: 'the owner' });

function profileLine(values: PlanValues | null): Line {
  if (!values?.owner) return line('info', '未选择资料：在扩展弹窗中为本页选择著作权人和软件后即可核对。', 'No profile chosen: choose the owner and the software for this page in the extension popup to check them.');
  return line('info', '按扩展弹窗中所选的著作权人和软件核对。', 'Checked against the owner and software chosen in the extension popup.');
}

/**
 * 待授权提交: 一键获取授权码 needs each owner's name and ID number to equal the center's real-name
 * authentication. Compares what the profile records (and the owner the order page shows) now.
 */
function realNameSection(values: PlanValues | null, shown: NameAndId | null): Section {
  const title = { zh: '实名认证核对（一键获取授权码之前）', en: 'Real-name check (before 一键获取授权码)' };
  if (!values?.owner) return { kind: 'lines', title, lines: [line('info', '选择著作权人后，这里逐字核对名称和证件号码。', 'Once an owner is chosen, the name and ID number are compared here character by character.')] };
  const owners = ownersInOrder(values);
  // Without a work, the chosen owner is the only owner to check.
  const work = values.work ?? ({ ownerIds: owners.map((o) => o.id) } as Pick<Work, 'ownerIds'> as Work);
  const several = owners.length > 1;
  // What the order page shows itself may be quoted; any other profile text is not (redactForPage).
  const onPage = shown ? [shown.name ?? '', shown.idNumber ?? ''] : [];
  const safe = (fs: Finding[]) => redactForPage(fs, values, onPage);
  const lines: Line[] = safe(checkRealNameRequired(work, owners)).map((f) => findingLine(f, null));
  owners.forEach((o, i) => {
    const who = ownerLabel(i, several);
    const prefix = several ? { zh: `${who.zh}：`, en: `${who.en}: ` } : null;
    // The order names its first owner: that one is compared with the page as well.
    const found = checkRealNameMatch(o, i === 0 && shown ? shown : undefined, { reveal: false });
    lines.push(...safe(found).map((f) => findingLine(f, prefix)));
    const recorded = o.realName && o.realName.name.trim() && o.realName.idNumber.trim();
    if (o.realName?.status === 'verified' && !recorded) {
      lines.push(line('warning', `${prefix?.zh ?? ''}资料中没有记录实名认证时的名称和证件号码，无法逐字核对。`, `${prefix?.en ?? ''}the profile does not record the authenticated name and ID number, so they cannot be compared.`));
    } else if (recorded && !found.length) {
      lines.push(line('ok', `${who.zh}的名称和证件号码与记录的实名认证信息逐字一致。`, `The name and ID number of ${who.en} equal the recorded authentication.`));
    }
  });
  lines.push(line('info', '核对依据是资料中记录的实名认证信息；以版权中心账户中的实名信息为准。', "The check uses the authentication recorded in the profile; the center's account is what counts."));
  return { kind: 'lines', title, lines };
}

/** Whether the chosen profile has a value for a reason's field; null when no profile is chosen. */
function profileHas(key: ProfileKey, values: PlanValues | null): boolean | null {
  return values ? valueFor(key, values) !== undefined : null;
}

/** A reason with the fields and materials it concerns; `values` says whether the profile has them (null: not asked). */
export function reasonItem(text: string, values: PlanValues | null): ReasonItem {
  const { keys, materials } = fieldsForReason(text);
  return { text, fields: keys.map((k) => ({ name: fieldName(k), filled: profileHas(k, values) })), materials };
}

function reasonsSection(reasons: Reasons | null, values: PlanValues | null): Section {
  const title = { zh: reasons?.title ?? '原因', en: 'Reasons shown on this page' };
  if (!reasons) {
    return {
      kind: 'reasons',
      title,
      items: [],
      note: line('warning', '本页没有找到原因列表：点击“查看”打开原因后，这里会列出。', 'No list of reasons on this page: open them with 查看 and they are listed here.'),
    };
  }
  return { kind: 'reasons', title, items: reasons.items.map((text) => reasonItem(text, values)) };
}

function mailChecklist(values: PlanValues | null): Section {
  const items: Bilingual[] = [{ zh: '申请表：在控制台下载并打印', en: 'The application form: download it from the console and print it' }];
  const owners = values ? ownersInOrder(values) : [];
  if (!owners.length) {
    items.push({ zh: '每个著作权人的身份证明文件复印件（个人：居民身份证；单位：统一社会信用代码证书等）', en: "A copy of each owner's identity document (a person: 居民身份证; an organisation: 统一社会信用代码证书 or the like)" });
  }
  owners.forEach((o, i) => {
    const doc = o.idType.trim() || '身份证明文件';
    const sides = doc === '居民身份证' ? { zh: '（正反面）', en: ' (both sides)' } : { zh: '', en: '' };
    const who = ownerLabel(i, owners.length > 1);
    items.push({ zh: `${who.zh}：${doc}复印件${sides.zh}`, en: `${who.en}: a copy of the ${doc}${sides.en}` });
  });
  return { kind: 'checklist', title: { zh: '邮寄清单', en: 'What to mail' }, items };
}

function block(status: string, orders: string[], sections: Section[]): Block {
  const stage = stageOf(status);
  if (!stage) return { status, stage, name: { zh: status, en: 'a status the assistant does not know' }, orders, meaning: UNKNOWN, steps: [], sections: [] };
  const g = STAGE_GUIDES[stage];
  return { status, stage, name: g.name, orders, meaning: g.meaning, steps: g.steps, sections };
}

/** The guidance for one order's page. */
export function orderGuide(order: OrderPage, values: PlanValues | null): Guide {
  const stage = stageOf(order.status);
  const shown = order.owner.name || order.owner.idNumber ? order.owner : null;
  const sections: Section[] = [];
  if (stage === 'authorize') sections.push(realNameSection(values, shown));
  if (stage === 'prereview-failed' || stage === 'correction') sections.push(reasonsSection(order.reasons, values));
  if (stage === 'mail') sections.push(mailChecklist(values));
  const name = [order.software, order.id].filter(Boolean).join(' · ');
  return { profile: profileLine(values), blocks: [block(order.status, name ? [name] : [], sections)] };
}

/** The guidance for the order list: one block per status present, in the list's order. */
export function listGuide(rows: readonly OrderRow[], values: PlanValues | null): Guide {
  const groups = new Map<string, OrderRow[]>();
  for (const r of rows) {
    // Statuses of one stage group together (预审核失败 and 审核失败 alike); unknown ones by their text.
    const key = stageOf(r.status) ?? `?${r.status}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const blocks = [...groups.values()].map((g) => {
    const stage = stageOf(g[0].status);
    const sections: Section[] = [];
    if (stage === 'authorize') sections.push(realNameSection(values, null));
    if (stage === 'mail') sections.push(mailChecklist(values));
    return block(g[0].status, g.map((r) => [r.software, r.id].filter(Boolean).join(' · ')), sections);
  });
  return { profile: profileLine(values), blocks };
}
