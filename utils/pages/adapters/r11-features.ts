import { field, type PageAdapter } from './toolkit';

/**
 * R11 #/features, 软件功能与特点 [seen]: sections titled by h3 in `.fillin_item` blocks. 编程语言 and
 * 软件的技术特点 each hold an option group and a text box under one title; the value kind tells them
 * apart. Titles as seen, spaced around their slash, and unspaced. The 鉴别材料 uploads and their 交存方式 have no key.
 */
export const r11Features: PageAdapter = {
  fields: [
    field('work.devHardware', '开发的硬件环境'),
    field('work.runHardware', '运行的硬件环境'),
    field('work.devOs', '开发该软件的操作系统'),
    field('work.devTools', ['软件开发环境 / 开发工具', '软件开发环境/开发工具']),
    field('work.runPlatform', ['该软件的运行平台 / 操作系统', '该软件的运行平台/操作系统']),
    field('work.runSupport', ['软件运行支撑环境 / 支持软件', '软件运行支撑环境/支持软件']),
    field('work.languages', '编程语言'),
    field('work.languagesOther', '编程语言'),
    field('work.sourceLines', '源程序量'),
    field('work.purpose', '开发目的'),
    field('work.domain', ['面向领域 / 行业', '面向领域/行业']),
    field('work.mainFunctions', '软件的主要功能'),
    field('work.featureTags', '软件的技术特点'),
    field('work.technicalFeatures', '软件的技术特点'),
  ],
};
