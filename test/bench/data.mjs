// 10 000 owners and 10 000 works, generated (seeded, so every run imports the same data), shaped
// like real client lists: half people, half organisations, Chinese names, tags, and works with
// the sample work's long texts (软件的主要功能 ≈ 670 characters).
import { readFileSync } from 'node:fs';
import { SAMPLE_BUNDLE } from './fill.mjs';

function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏辉建国丹文斌宇浩凯健俊帆雪琳晨欣怡子涵梓轩一诺'];
const CITIES = [['北京市', '北京市'], ['上海市', '上海市'], ['广东省', '深圳市'], ['广东省', '广州市'], ['浙江省', '杭州市'], ['江苏省', '南京市'], ['四川省', '成都市'], ['湖北省', '武汉市']];
const WORDS = ['云帆', '星河', '智联', '数擎', '青禾', '远图', '瀚海', '锐思', '博远', '天枢', '极光', '鸿图', '灵犀', '启明', '睿达', '优链'];
const TRADES = ['科技', '信息技术', '软件', '网络科技', '数据科技', '智能科技'];
const PRODUCTS = ['客户关系管理系统', '仓储管理平台', '智能排班软件', '财务报销系统', '在线教育平台', '设备巡检App', '电子合同平台', '数据可视化工具'];
const TAGS = ['个人客户', '企业客户', '2025', '2026', 'VIP', '待续费', '已签约', '渠道'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const digits = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

/** An ISO date string shared by all records, so the list order falls back to names as after an import. */
const STAMP = '2026-11-20T08:00:00.000Z';

export function generateBundle(owners = 10_000, works = 10_000, seed = 2026) {
  const r = random(seed);
  const sample = JSON.parse(readFileSync(SAMPLE_BUNDLE, 'utf8')).works[0];
  const ownerList = [];
  for (let i = 0; i < owners; i++) {
    const [province, city] = pick(r, CITIES);
    const person = i % 2 === 0;
    const name = person ? pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.5 ? pick(r, GIVEN) : '') : `${city.replace(/市$/, '')}${pick(r, WORDS)}${pick(r, TRADES)}有限公司${i}`;
    const phone = `1${pick(r, ['3', '5', '7', '8', '9'])}${digits(r, 9)}`;
    ownerList.push({
      id: `o-bench-${i}`,
      kind: person ? 'person' : 'organization',
      category: person ? '自然人' : '企业法人',
      name,
      idType: person ? '居民身份证' : '统一社会信用代码证书',
      idNumber: person ? `110105${1960 + Math.floor(r() * 45)}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}${digits(r, 3)}${digits(r, 1)}` : `9111010${digits(r, 1)}MA0${digits(r, 4)}${digits(r, 2)}Q`,
      country: '中国',
      province,
      city,
      address: `${city}${pick(r, ['朝阳区', '海淀区', '南山区', '西湖区', '武侯区'])}${pick(r, WORDS)}路${1 + Math.floor(r() * 300)}号`,
      postcode: `1${digits(r, 5)}`,
      phone,
      email: `user${i}@example.com`,
      ...(person ? {} : { contactName: pick(r, SURNAMES) + pick(r, GIVEN), landline: `010-${digits(r, 8)}` }),
      account: { username: `user${i}`, phone, email: `user${i}@example.com` },
      realName: { status: pick(r, ['none', 'pending', 'verified']), name, idNumber: '' },
      tags: [pick(r, TAGS), ...(r() < 0.3 ? [pick(r, TAGS)] : [])].filter((t, k, a) => a.indexOf(t) === k),
      notes: r() < 0.2 ? '代理委托书已签' : '',
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  }
  const workList = [];
  for (let i = 0; i < works; i++) {
    const product = `${pick(r, WORDS)}${pick(r, PRODUCTS)}`;
    const owner = i % owners;
    const coOwner = r() < 0.1 ? [(owner + 1 + Math.floor(r() * (owners - 1))) % owners] : [];
    workList.push({
      ...sample,
      id: `w-bench-${i}`,
      fullName: `${product}${i}`,
      shortName: product.slice(0, 6),
      version: `V${1 + Math.floor(r() * 5)}.${Math.floor(r() * 10)}`,
      ownerIds: [owner, ...coOwner].map((k) => `o-bench-${k}`),
      developmentMode: coOwner.length ? '合作开发' : '单独开发',
      mainFunctions: sample.mainFunctions.replace('云帆客户关系管理系统', product),
      tags: [pick(r, TAGS)],
      createdAt: STAMP,
      updatedAt: STAMP,
    });
  }
  return { format: 'ruanzhu-bundle', version: 1, exportedAt: STAMP, owners: ownerList, works: workList };
}

/** Search texts as people type them: a name, part of a company name, ID number and phone prefixes, tags, no match. */
export function searchQueries(bundle, n = 24, seed = 7) {
  const r = random(seed);
  const o = () => bundle.owners[Math.floor(r() * bundle.owners.length)];
  const w = () => bundle.works[Math.floor(r() * bundle.works.length)];
  const owners = [];
  const works = [];
  for (let i = 0; owners.length < n; i++) {
    const kinds = [() => o().name, () => o().name.slice(0, 2), () => o().idNumber.slice(0, 10), () => o().phone.slice(0, 7), () => pick(r, TAGS), () => pick(r, WORDS), () => '不存在的客户'];
    owners.push(kinds[i % kinds.length]());
  }
  for (let i = 0; works.length < n; i++) {
    const kinds = [() => w().fullName, () => w().shortName.slice(0, 3), () => pick(r, PRODUCTS).slice(0, 4), () => w().version, () => pick(r, TAGS), () => '不存在的软件'];
    works.push(kinds[i % kinds.length]());
  }
  return { owners, works };
}
