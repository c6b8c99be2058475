/** How the popup names each page kind (Chinese first, English second). */
export const PAGE_NAMES: Record<string, string> = {
  'ccopyright.login': '登录 / Sign in',
  'ccopyright.register': '账号注册 / Account sign-up',
  'ccopyright.realname.person': '个人实名认证 / Personal real-name authentication',
  'ccopyright.realname.org': '机构实名认证 / Organisation real-name authentication',
  'ccopyright.registration': '软件登记 / Software registration menu',
  'ccopyright.r11.identity': 'R11 · 申请人身份 / Applicant identity',
  'ccopyright.r11.application': 'R11 · 软件申请信息 / Application information',
  'ccopyright.r11.development': 'R11 · 软件开发信息 / Development information',
  'ccopyright.r11.features': 'R11 · 软件功能与特点 / Functions and features',
  'ccopyright.r11.confirm': 'R11 · 确认提交 / Final review',
  'ccopyright.filings': '我的登记 / My filings',
  'aliyun.apply': '阿里云 · 填写资料 / Alibaba Cloud application form',
  'aliyun.orders': '阿里云 · 订单列表 / Alibaba Cloud orders',
  'aliyun.order': '阿里云 · 订单详情 / Alibaba Cloud order',
};

export const SITE_NAMES: Record<string, string> = {
  ccopyright: '中国版权保护中心 / Copyright Protection Center',
  aliyun: '阿里云软著服务 / Alibaba Cloud',
};
