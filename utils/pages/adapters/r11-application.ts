import { field, type PageAdapter } from './toolkit';

/** R11 #/application, 软件申请信息 [seen]. */
export const r11Application: PageAdapter = {
  fields: [
    field('work.rightsAcquisition', '权利取得方式'),
    field('work.fullName', '软件全称'),
    field('work.shortName', '软件简称'),
    field('work.version', '版本号'),
    field('work.rightsScope', '权利范围'),
  ],
};
