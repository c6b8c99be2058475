import type { Page } from '@playwright/test';
import { test, expect, sampleBundle, importThroughBackground, inBackground, replicaModel, type Fill } from './fixtures';

// Real pages change without notice. On 50 seeded mutations of each fillable replica (removed
// fields, renamed labels, extra wrappers, reordered items) detect, fill and check must answer
// without an exception, and a fill may only ever put into a model property the value it gets on
// the unchanged page: anything else is a wrong fill. Not found is the right outcome otherwise.

const HOST = 'https://register.ccopyright.com.cn';
const CONSOLE = 'https://copyright.console.aliyun.com/';
const ORDER = 'swcopyright_swRegNormal_public_cn-';
const MUTATIONS_PER_PAGE = 50;
// Every replica page: those with something to fill, and those without (there the invariant is
// that nothing throws and nothing is filled).
const PAGES: { url: string; ownerId: string; workId?: string }[] = [
  { url: `${HOST}/login.html`, ownerId: 'o-zhang-san' },
  { url: `${HOST}/register.html`, ownerId: 'o-zhang-san' },
  { url: `${HOST}/account.html?current=realname_person`, ownerId: 'o-zhang-san' },
  { url: `${HOST}/account.html?current=realname_org`, ownerId: 'o-yunfan' },
  { url: `${HOST}/r11.html#/application`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${HOST}/r11.html#/development`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${HOST}/r11.html#/features`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${HOST}/r11.html#/identity`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${HOST}/r11.html#/confirm`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${HOST}/registration.html#/registerSoft`, ownerId: 'o-yunfan' },
  { url: `${HOST}/account.html?current=soft_register`, ownerId: 'o-yunfan' },
  { url: `${CONSOLE}#/apply/${ORDER}7k2m9q1`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${CONSOLE}#/order/list`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { url: `${CONSOLE}#/order/${ORDER}8n4v2b7`, ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
];

/**
 * A model as [path, value] pairs. Owner rows are arrays of objects: each property of each row is
 * judged on its own. Lists of plain values (chosen languages, tags) are one value.
 */
const flat = (o: unknown, prefix = ''): [string, unknown][] =>
  o && typeof o === 'object' && (!Array.isArray(o) || o.some((x) => x && typeof x === 'object'))
    ? Object.entries(o).flatMap(([k, v]) => flat(v, `${prefix}${k}.`))
    : [[prefix.slice(0, -1), o]];

/** Applies one seeded mutation in the page; returns what it did, for the failure message. */
function mutate(page: Page, seed: number): Promise<string> {
  return page.evaluate((seed) => {
    let s = seed * 2654435761 % 4294967296 || 1;
    const rand = (n: number) => {
      s = (s * 1664525 + 1013904223) % 4294967296;
      return Math.floor((s / 4294967296) * n);
    };
    // Form items of both frameworks, and on pages without a form their rows and entries.
    const items = [...document.querySelectorAll<HTMLElement>('.el-form-item, .fillin_item, .ant-form-item, .ant-descriptions-item, tr, li')];
    if (items.length === 0) return 'no items';
    const item = items[rand(items.length)];
    const label = item.querySelector<HTMLElement>('.el-form-item__label, h3, .ant-form-item-label label, .ant-descriptions-item-label, td, a');
    switch (rand(4)) {
      case 0:
        item.remove();
        return `removed ${label?.textContent}`;
      case 1:
        // Nonsense, not another field's words: the label no longer says what the field is.
        if (label) label.textContent = `字段${rand(1000)}`;
        return `renamed ${label?.textContent}`;
      case 2: {
        const outer = document.createElement('div');
        const inner = document.createElement('section');
        item.replaceWith(outer);
        outer.append(inner);
        inner.append(item);
        return `wrapped ${label?.textContent}`;
      }
      default: {
        const parent = item.parentElement!;
        const siblings = [...parent.children];
        parent.append(...siblings.reverse());
        return `reordered around ${label?.textContent}`;
      }
    }
  }, seed);
}

for (const target of PAGES) {
  test(`${MUTATIONS_PER_PAGE} mutations of ${target.url.replace(HOST, '').replace(CONSOLE, 'console ')}: no exception, no wrong fill`, async ({ context, openExtensionPage, openPortal, sendToTab }) => {
    test.setTimeout(240_000);
    await importThroughBackground(openExtensionPage, sampleBundle());
    const page = await openPortal(target.url);
    await inBackground(context, page);
    const fill = { type: 'ruanzhu:fill', ownerId: target.ownerId, workId: target.workId };
    const tabUrl = target.url.split('#')[0];

    const pristine = await replicaModel(page);
    await sendToTab(tabUrl, fill);
    const correct = await replicaModel(page);

    for (let seed = 1; seed <= MUTATIONS_PER_PAGE; seed++) {
      await page.reload();
      await page.waitForFunction(() => document.documentElement.dataset.ruanzhuPage !== undefined);
      const what = await mutate(page, seed);
      const detect = (await sendToTab(tabUrl, { type: 'ruanzhu:detect' })) as { fields: unknown[] };
      expect(Array.isArray(detect.fields), what).toBe(true);
      const res = (await sendToTab(tabUrl, fill)) as Fill;
      expect(Array.isArray(res.results), what).toBe(true);
      await sendToTab(tabUrl, { type: 'ruanzhu:check', ownerId: target.ownerId, workId: target.workId });

      const after = JSON.parse(JSON.stringify(await replicaModel(page)));
      const before = new Map(flat(pristine));
      const right = new Map(flat(correct));
      for (const [prop, value] of flat(after)) {
        const allowed = [before.get(prop), right.get(prop)].map((v) => JSON.stringify(v));
        expect(allowed, `seed ${seed} (${what}): ${prop} = ${JSON.stringify(value)}`).toContain(JSON.stringify(value));
      }
    }
  });
}
