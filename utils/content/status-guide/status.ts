import { normalizeText } from '@/utils/text/normalize';

/**
 * The order statuses of Alibaba Cloud's 软著 service and what each means, with the next step, from
 * the seed flow (docs/PORTALS.md, vendor section): buy → 填写资料 → 阿里云初审 → 预审核失败 (fix,
 * resubmit) or 待授权提交 → 一键获取授权码 → print the 申请表 and mail the paper materials → the
 * center reviews → 已完成 or 补正.
 */

export type OrderStage = 'fill' | 'aliyun-review' | 'prereview-failed' | 'authorize' | 'mail' | 'center-review' | 'correction' | 'done';

/** Chinese first, English second, as everywhere in the extension. */
export interface Bilingual {
  zh: string;
  en: string;
}
const t = (zh: string, en: string): Bilingual => ({ zh, en });

/**
 * How the console words each stage. Checked in this order: a failed first review (初审失败) is not
 * the first review (初审), 补正 wins over anything it is combined with. Wording seen: 预审核失败 in the
 * seed, 审核失败 in a guide.
 */
const WORDING: readonly [OrderStage, RegExp][] = [
  ['correction', /补正/],
  ['prereview-failed', /预审核?失败|审核失败|初审失败|初审未通过|审核不通过|审核未通过/],
  ['authorize', /待授权/],
  ['mail', /打印申请表|邮寄|寄送|纸质材料/],
  ['center-review', /版权中心|审查中|受理/],
  ['aliyun-review', /阿里云初审|初审/],
  ['done', /已完成|登记完成|已下证|已发证/],
  ['fill', /待(填写|提交|完善)资料|资料待(填写|提交)/],
];

/** The stage a status text names, or null for a status this guide does not know (no guessing). */
export function stageOf(status: string): OrderStage | null {
  const s = normalizeText(status);
  if (!s) return null;
  return WORDING.find(([, re]) => re.test(s))?.[0] ?? null;
}

export interface StageGuide {
  /** The status as the seed flow names it. */
  name: Bilingual;
  meaning: Bilingual;
  steps: readonly Bilingual[];
}

export const STAGE_GUIDES: Record<OrderStage, StageGuide> = {
  fill: {
    name: t('待填写资料', 'Data to fill in'),
    meaning: t('订单已购买，登记资料还没有交给阿里云。', 'The order is bought; the registration data has not been given to Alibaba Cloud yet.'),
    steps: [
      t('点击“填写资料”：智能识别（上传按模板填好的 Word）或手动填写（软件基本信息、软件技术特点、著作权人信息、软件鉴别材料）。', 'Click 填写资料: 智能识别 (upload the filled Word template) or 手动填写 (basic information, technical features, owners, identification materials).'),
      t('手动填写时，可在扩展弹窗中用所选资料自动填写；Word 模板可在选项页“数据”中导出。', 'For 手动填写, fill the form from the chosen profile in the extension popup; the Word template is exported in the options page (Data).'),
      t('鉴别材料上传 PDF：Word 文件先另存为 PDF。', 'Identification materials are uploaded as PDF: save Word files as PDF first.'),
    ],
  },
  'aliyun-review': {
    name: t('阿里云初审', "Alibaba Cloud's first review"),
    meaning: t('阿里云正在初审提交的资料。', 'Alibaba Cloud is reviewing the submitted data.'),
    steps: [
      t('等待结果：通过后状态变为“待授权提交”；不通过则为“预审核失败”，订单上会列出原因。', 'Wait: on success the status becomes 待授权提交; otherwise 预审核失败, with the reasons on the order.'),
      t('下一步要用实名认证：现在就可核对著作权人的名称和证件号码是否与版权中心实名认证的完全一致。', 'The next step relies on the real-name authentication: check now that the owner\'s name and ID number equal the authenticated ones exactly.'),
    ],
  },
  'prereview-failed': {
    name: t('预审核失败', 'First review failed'),
    meaning: t('阿里云初审没有通过，订单上列出了原因。', "Alibaba Cloud's first review did not pass; the order lists the reasons."),
    steps: [
      t('点击“查看”阅读原因；下方列出本页显示的原因和它们涉及的资料字段。', 'Click 查看 to read the reasons; below are the reasons shown on this page and the profile fields they concern.'),
      t('在软著助手中改正这些字段（或改正鉴别材料），再回到“填写资料”修改后重新提交。', 'Correct those fields in the assistant (or the materials), then change the form under 填写资料 and submit again.'),
    ],
  },
  authorize: {
    name: t('待授权提交', 'Waiting for your authorisation'),
    meaning: t('阿里云初审已通过，需要你授权后，阿里云才把申请提交到中国版权保护中心。', 'The first review passed; Alibaba Cloud submits the application to the copyright center once you authorise it.'),
    steps: [
      t('点击“一键获取授权码”，输入收到的授权码后提交。', 'Click 一键获取授权码, enter the code you receive and submit it.'),
      t('一键获取授权码要求著作权人的名称和证件号码与版权中心实名认证的信息逐字一致（全角半角、空格、大小写都算）。', 'Getting the code requires the owner\'s name and ID number to equal the center\'s real-name authentication character for character (width, spaces and case count).'),
      t('合作开发有多个著作权人时，每个著作权人都须已实名认证，各自收到验证码。', 'With several owners, every owner must be authenticated; each receives their own code.'),
    ],
  },
  mail: {
    name: t('打印申请表 / 邮寄材料', 'Print the form and mail the materials'),
    meaning: t('申请已交到版权中心，需要下载打印申请表并邮寄纸质材料。', 'The application is with the copyright center; download and print the application form and mail the paper materials.'),
    steps: [
      t('下载并打印申请表，按下面的清单准备纸质材料后邮寄。', 'Download and print the application form, prepare the paper materials on the checklist below and mail them.'),
      t('版权中心从收到材料后的第二个工作日起开始审查。', 'The center starts its review on the second working day after it receives the materials.'),
    ],
  },
  'center-review': {
    name: t('版权中心审查', 'Under review at the copyright center'),
    meaning: t('中国版权保护中心正在审查申请。', 'The copyright center is reviewing the application.'),
    steps: [t('等待结果：通过后为“已完成”；需要修改时为“补正”，订单上会列出补正原因。', 'Wait: on success the status becomes 已完成; if changes are needed, 补正 with the reasons on the order.')],
  },
  correction: {
    name: t('补正', 'Corrections requested'),
    meaning: t('版权中心审查后要求补正：部分资料或材料需要修改。', 'The copyright center asks for corrections to some data or materials.'),
    steps: [
      t('点击“查看”阅读补正原因；下方列出本页显示的原因和它们涉及的资料字段。', 'Click 查看 to read the reasons; below are the reasons shown on this page and the profile fields they concern.'),
      t('按原因改正资料或鉴别材料，然后在订单中重新提交。', 'Correct the data or the materials as the reasons say, then resubmit from the order.'),
    ],
  },
  done: {
    name: t('已完成', 'Completed'),
    meaning: t('登记已完成。', 'The registration is complete.'),
    steps: [t('证书会邮寄给你，电子证书也会上传到控制台的订单中。', 'The certificate is mailed to you and also uploaded to the order in the console.')],
  },
};
