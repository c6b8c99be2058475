// A full fill as the user triggers it from the popup: the `ruanzhu:fill` round trip from an
// extension page to the replica tab in the background, including the plan-values request to the
// background and every widget the fill drives (selects, date pickers, radios, revealed fields).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../machine.mjs';
import { ALIYUN, HOST, waitForMarker } from './browser.mjs';
import { summarize } from './stats.mjs';

export const SAMPLE_BUNDLE = join(ROOT, 'test/fixtures/sample.ruanzhu.json');

export const FILLS = [
  { name: 'R11 #/application', path: '/r11.html#/application', tabUrl: '/r11.html', kind: 'ccopyright.r11.application', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'R11 #/development', path: '/r11.html#/development', tabUrl: '/r11.html', kind: 'ccopyright.r11.development', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'R11 #/features', path: '/r11.html#/features', tabUrl: '/r11.html', kind: 'ccopyright.r11.features', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'real-name (person)', path: '/account.html?current=realname_person', tabUrl: '/account.html?current=realname_person', kind: 'ccopyright.realname.person', ownerId: 'o-zhang-san' },
  { name: 'real-name (organisation)', path: '/account.html?current=realname_org', tabUrl: '/account.html?current=realname_org', kind: 'ccopyright.realname.org', ownerId: 'o-yunfan' },
  // Not in the brief's list, measured alongside: the Alibaba Cloud console's one-page application form.
  { name: 'Alibaba Cloud #/apply (extra)', host: ALIYUN, path: '/#/apply/swcopyright_swRegNormal_public_cn-7k2m9q1', tabUrl: '/', kind: 'aliyun.apply', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
];

export async function importSample(browser) {
  const sender = await browser.getSender();
  const bundle = JSON.parse(readFileSync(SAMPLE_BUNDLE, 'utf8'));
  const res = await sender.evaluate((b) => chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle: b }), bundle);
  if (!res?.ok) throw new Error(`importing the sample bundle failed: ${JSON.stringify(res).slice(0, 300)}`);
}

async function fillOnce(browser, spec) {
  const page = await browser.context.newPage();
  try {
    await page.goto((spec.host ?? HOST) + spec.path);
    await waitForMarker(page, spec.kind);
    const cdp = await browser.toBackground(page);
    const sender = await browser.getSender();
    const out = await sender.evaluate(
      async ({ url, message }) => {
        const [tab] = await chrome.tabs.query({ url });
        if (!tab?.id) throw new Error(`no tab shows ${url}`);
        const start = performance.timeOrigin + performance.now();
        const t0 = performance.now();
        const response = await chrome.tabs.sendMessage(tab.id, message);
        return { ms: performance.now() - t0, start, end: performance.timeOrigin + performance.now(), response };
      },
      { url: (spec.host ?? HOST) + spec.tabUrl, message: { type: 'ruanzhu:fill', ownerId: spec.ownerId, ...(spec.workId ? { workId: spec.workId } : {}) } },
    );
    const { hadFocus, origin, probe } = await page.evaluate(() => ({ hadFocus: document.hasFocus(), origin: performance.timeOrigin, probe: window.__bench }));
    // Long tasks of the replica's main thread during the fill (the content script runs there).
    const longTasks = (probe.longtasks ?? []).filter((t) => origin + t.start >= out.start - 1 && origin + t.start <= out.end);
    await cdp.detach().catch(() => undefined);
    return { ms: out.ms, response: out.response, hadFocus, longTasks };
  } finally {
    await page.close();
  }
}

export async function benchFill(browser, { runs, warmup = 1, log = () => {} }) {
  await importSample(browser);
  const steps = [];
  for (const spec of FILLS) {
    const samples = [];
    for (let i = 0; i < warmup + runs; i++) {
      const s = await fillOnce(browser, spec);
      if (i >= warmup) samples.push(s);
    }
    const last = samples.at(-1).response;
    const statuses = {};
    for (const r of last?.results ?? []) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const longTasks = samples.flatMap((s) => s.longTasks);
    steps.push({
      step: spec.name,
      kind: spec.kind,
      url: (spec.host ?? HOST) + spec.path,
      profile: { ownerId: spec.ownerId, workId: spec.workId ?? null },
      ms: summarize(samples.map((s) => s.ms)),
      fields: statuses,
      error: last?.error ?? null,
      replicaHadFocus: samples.some((s) => s.hadFocus),
      longTasks: { count: longTasks.length, maxMs: longTasks.length ? Math.round(Math.max(...longTasks.map((t) => t.duration))) : 0 },
    });
    log(`  ${spec.name}: ${steps.at(-1).ms.median} ms (${Object.entries(statuses).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  }
  return steps;
}
