import { normalizeText } from '@/utils/text/normalize';

/*
 * What each status of a filing on the copyright center means, what to do next and how long it
 * usually takes: data, each line marked as docs/PORTALS.md marks facts — [seen] stated by the
 * center's own pages as guides and bots describe them, or by the regulation itself; [single] one
 * guide only; [seed] the project's source documents; [guess] our inference; [ours] advice of our
 * own. `source` names where a line comes from. The regulation is 《计算机软件著作权登记办法》
 * (国家版权局令第1号, 2002), cited as 登记办法.
 */

export type FilingStage = 'draft' | 'to-submit' | 'signature' | 'acceptance' | 'review' | 'correction' | 'issue' | 'issued';
export type Mark = 'seen' | 'single' | 'seed' | 'guess' | 'ours';

export interface Bilingual {
  zh: string;
  en: string;
}
export interface Sourced extends Bilingual {
  mark: Mark;
  source?: string;
}

export interface StageGuide {
  /** The status as the center words it (the tab's name). */
  name: Bilingual;
  meaning: Sourced;
  /** The next step in a few words, for a line in the popup (the steps say it in full). */
  next: Bilingual;
  steps: readonly Sourced[];
  /** What happens next and how long it usually takes. */
  duration: Sourced;
}

const PORTALS_AFTER = 'docs/PORTALS.md "After submission"';
const PORTALS_PAGES = 'docs/PORTALS.md "Pages and routes"';
const s = (mark: Mark, zh: string, en: string, source?: string): Sourced => (source ? { mark, zh, en, source } : { mark, zh, en });

/**
 * How the center words each stage: the list's tabs and row statuses [seen]. Checked in this
 * order: 待补正 before anything it may be combined with, 签章页 before 提交.
 */
const WORDING: readonly [FilingStage, RegExp][] = [
  ['correction', /待补正|^补正$/],
  ['signature', /签章页/],
  ['draft', /草稿/],
  ['to-submit', /待提交/],
  ['acceptance', /待受理|受理中/],
  ['review', /待审查|审查中/],
  ['issue', /待发放|发放中/],
  ['issued', /已发放/],
];

/** The stage a status text names, or null for a status this table does not know (never guessed). */
export function filingStageOf(status: string): FilingStage | null {
  const text = normalizeText(status);
  if (!text) return null;
  return WORDING.find(([, re]) => re.test(text))?.[0] ?? null;
}

export const FILING_STAGES: Record<FilingStage, StageGuide> = {
  draft: {
    name: { zh: '草稿', en: 'Draft' },
    meaning: s('seen', '申请还在草稿箱中，没有提交。', 'The application is in the drafts and has not been submitted.', PORTALS_PAGES),
    next: { zh: '继续填写，核对后保存并提交申请', en: 'finish the form and submit it' },
    steps: [
      s('seen', '打开草稿继续填写各步（软著助手可按所选资料填写），在“确认信息”页核对后点击“保存并提交申请”。', 'Open the draft and finish its steps (the assistant fills them from the chosen profile); check the 确认信息 step, then click 保存并提交申请.', PORTALS_PAGES),
      s('seen', '提交前在“确认信息”页选好证书领取地址，否则申请会被退回。', 'Select a certificate address on 确认信息 before submitting, or the filing is rejected.', 'docs/PORTALS.md "R11 steps"'),
    ],
    duration: s('ours', '没有期限：由你决定何时提交。', 'No deadline: it waits until you submit it.'),
  },
  'to-submit': {
    name: { zh: '待提交', en: 'Not submitted' },
    meaning: s('guess', '申请已保存，但还没有提交。', 'The application is saved but not submitted yet.', PORTALS_PAGES),
    next: { zh: '核对后保存并提交申请', en: 'check and submit it' },
    steps: [s('guess', '打开申请，核对“确认信息”页后点击“保存并提交申请”。', 'Open the application, check 确认信息, then click 保存并提交申请.', PORTALS_PAGES)],
    duration: s('ours', '没有期限：由你决定何时提交。', 'No deadline: it waits until you submit it.'),
  },
  signature: {
    name: { zh: '待上传签章页', en: 'Signature page to upload' },
    meaning: s('seen', '申请已提交，但版权中心要先收到签字或盖章的签章页，才会受理。', 'The application is submitted; the center accepts it only once it has the signed or sealed signature page.', PORTALS_AFTER),
    next: { zh: '打印签章页，签字或盖章后扫描成 PDF 上传', en: 'print the signature page, sign or seal it, upload the scan as a PDF' },
    steps: [
      s('seen', '在“我的登记”中点击“打印签章页”，把它打印出来。', 'In 我的登记, click 打印签章页 and print it.', PORTALS_AFTER),
      s('seen', '申请人签字（个人）或盖章（单位）。', 'The applicant signs it (a person) or seals it (an organisation).', '登记办法第十七条'),
      s('guess', '有多个著作权人时，每一个都签字或盖章。', 'With several owners, every one of them signs or seals it.'),
      s('seen', '扫描成 PDF。不要上传照片或 JPG：门户会照收而不报错，但申请状态不会再变化。', 'Scan it to a PDF. Do not upload a photo or a JPG: the portal takes it without an error, but the filing never moves on.', PORTALS_AFTER),
      s('seen', '点击“上传签章页”选择这个 PDF，再点“确认提交”并在“请确认是否提交？”中确认；状态变为“待受理”。', 'Click 上传签章页, choose the PDF, then 确认提交 and confirm 请确认是否提交？; the status becomes 待受理.', PORTALS_AFTER),
      s('ours', '选择文件时，软著助手会检查它是否真是 PDF、有几页，以及上面的软件名称。', 'When you choose the file, the assistant checks that it really is a PDF, its page count and the software name on it.'),
    ],
    duration: s('seen', '由你决定：签章页上传并确认提交之前，申请不会进入受理。', 'Up to you: the filing is not accepted until the signature page is uploaded and confirmed.', PORTALS_AFTER),
  },
  acceptance: {
    name: { zh: '待受理', en: 'Waiting to be accepted' },
    meaning: s('seen', '版权中心正在核对收到的申请材料；以收到符合要求的材料之日为受理日，并通知申请人。', 'The center is checking the materials it received; the day it has complete materials is the day of acceptance, and it tells the applicant.', '登记办法第十九条'),
    next: { zh: '等待受理，不需要操作', en: 'wait to be accepted; nothing to do' },
    steps: [s('guess', '不需要操作：受理后状态变为“待审查”。结果和通知也会出现在消息中心。', 'Nothing to do: once accepted the status becomes 待审查. Results and notices also appear in the message centre.', PORTALS_PAGES)],
    duration: s('guess', '通常几个工作日。', 'Usually a few working days.'),
  },
  review: {
    name: { zh: '待审查', en: 'Under review' },
    meaning: s('seen', '申请已受理，版权中心正在审查。', 'The application is accepted and under review.', PORTALS_PAGES),
    next: { zh: '等待审查结果，不需要操作', en: 'wait for the review; nothing to do' },
    steps: [s('guess', '等待结果：通过后为“待发放”；需要修改时为“待补正”，并给出补正原因。', 'Wait: on success the status becomes 待发放; if changes are needed, 待补正 with the reasons.', PORTALS_PAGES)],
    duration: s('seen', '自受理日起 60 日内审查完毕；要求补正时，补正之后才继续。', 'Within 60 days of acceptance; after a request for corrections, review continues once they are made.', '登记办法第二十条'),
  },
  correction: {
    name: { zh: '待补正', en: 'Corrections requested' },
    meaning: s('seen', '版权中心要求补正：部分资料或材料需要修改后重新提交。', 'The center asks for corrections: some data or materials must be changed and submitted again.', PORTALS_AFTER),
    next: { zh: '按补正原因改正，在期限前去补正', en: 'correct what the reasons name and answer before the deadline' },
    steps: [
      s('ours', '阅读补正原因；软著助手列出每条原因涉及的资料字段和材料。先在软著助手中改正资料或重新生成鉴别材料。', 'Read the reasons; the assistant lists the profile fields and materials each one concerns. Correct the profile or regenerate the materials in the assistant first.'),
      s('seen', '在“待补正”中点击“去补正”，选择代理申请或自己申请，按步骤修改并上传改正后的文件。', 'In 待补正, click 去补正, choose 代理申请 or 自己申请, change what the steps show and upload the corrected files.', PORTALS_AFTER),
      s('seen', '获取验证码（滑块），输入短信验证码后提交。', 'Get the code (a slider), enter the SMS code and submit.', PORTALS_AFTER),
      s('seed', '代理人办理时，每个著作权人都要为这次登记提供一次性的短信验证码（一表一码）。', 'An agent needs each owner’s one-time SMS code for this filing (一表一码).', PORTALS_AFTER),
      s('ours', '记下补正通知的日期：软著助手按 30 日计算期限，快到期时在工具栏图标上提醒。', 'Note the date of the notice: the assistant counts the 30 days and reminds you on the toolbar icon as the deadline nears.'),
    ],
    duration: s('seen', '须在 30 日内补正，逾期未补正的视为撤回申请。', 'Corrections are due within 30 days; unanswered, the application counts as withdrawn.', '登记办法第二十二条'),
  },
  issue: {
    name: { zh: '待发放', en: 'Certificate being issued' },
    meaning: s('seen', '审查已通过，登记证书正在制作、发放。', 'The review passed; the certificate is being made and issued.', PORTALS_PAGES),
    next: { zh: '等待证书发放，不需要操作', en: 'wait for the certificate; nothing to do' },
    steps: [s('seen', '不需要操作：证书领取方式为电子证书，发放后在“我的登记”中可以查看。', 'Nothing to do: the certificate is electronic (证书领取方式 电子证书) and appears in 我的登记 once issued.', 'docs/PORTALS.md "R11 steps"')],
    duration: s('single', '一份指南说证书制作约 5 个工作日。', 'One guide says making the certificate takes about 5 working days.'),
  },
  issued: {
    name: { zh: '已发放', en: 'Certificate issued' },
    meaning: s('seen', '登记完成，证书已发放，登记会在版权中心网站公告。', 'The registration is complete, the certificate is issued and the registration is published on the center’s website.', '登记办法第二十条'),
    next: { zh: '下载电子证书并核对', en: 'download the certificate and check it' },
    steps: [s('ours', '下载电子证书，核对软件名称、版本号和著作权人；与申请材料一起保存。', 'Download the electronic certificate and check the software name, version and owners; keep it with the application materials.')],
    duration: s('ours', '已结束。', 'Finished.'),
  },
};

/** What the tracker says of a status it does not know: the page's text, no guessed meaning. */
export const UNKNOWN_STAGE: Bilingual = {
  zh: '软著助手不认识这个状态，没有说明；请以版权中心页面的提示为准。',
  en: 'The assistant does not know this status and gives no guidance; follow the center’s pages.',
};
