// A full fill as the user triggers it from the popup: the `ruanzhu:fill` round trip from an
// extension page to the replica tab in the background, including the plan-values request to the
// background and every widget the fill drives (selects, date pickers, radios, revealed fields).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../machine.mjs';
import { ALIYUN, HOST, openR11Step, waitForMarker } from './browser.mjs';
import { summarize } from './stats.mjs';

export const SAMPLE_BUNDLE = join(ROOT, 'test/fixtures/sample.ruanzhu.json');

export const FILLS = [
  { name: 'R11 #/application', r11Step: 'application', tabUrl: '/r11.html', kind: 'ccopyright.r11.application', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'R11 #/development', r11Step: 'development', tabUrl: '/r11.html', kind: 'ccopyright.r11.development', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'R11 #/features', r11Step: 'features', tabUrl: '/r11.html', kind: 'ccopyright.r11.features', ownerId: 'o-yunfan', workId: 'w-yunfan-crm' },
  { name: 'real-name (person)', path: '/account.html?current=certification#/person', tabUrl: '/account.html?current=certification', kind: 'ccopyright.realname.person', ownerId: 'o-zhang-san' },
  { name: 'real-name (organisation)', path: '/account.html?current=certification#/organization', tabUrl: '/account.html?current=certification', kind: 'ccopyright.realname.org', ownerId: 'o-yunfan' },
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
    if (spec.r11Step) await openR11Step(page, spec.r11Step);
    else await page.goto((spec.host ?? HOST) + spec.path);
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
    // The floor: what the fill spent waiting for the page (its widgets' animations, late options,
    // re-renders), from each field's timing in the report; the rest of the round trip is ours.
    const waited = (s) => (s.response?.results ?? []).reduce((sum, r) => sum + (r.timing?.waitedMs ?? 0), 0);
    steps.push({
      step: spec.name,
      kind: spec.kind,
      url: (spec.host ?? HOST) + (spec.path ?? `/r11.html#/${spec.r11Step}`),
      profile: { ownerId: spec.ownerId, workId: spec.workId ?? null },
      ms: summarize(samples.map((s) => s.ms)),
      waitingForThePageMs: summarize(samples.map(waited)),
      ownWorkMs: summarize(samples.map((s) => s.ms - waited(s))),
      perField: (last?.results ?? []).filter((r) => r.timing).map((r) => ({ key: r.key, status: r.status, ms: r.timing.ms, waitedMs: r.timing.waitedMs })),
      fields: statuses,
      error: last?.error ?? null,
      replicaHadFocus: samples.some((s) => s.hadFocus),
      longTasks: { count: longTasks.length, maxMs: longTasks.length ? Math.round(Math.max(...longTasks.map((t) => t.duration))) : 0 },
    });
    const step = steps.at(-1);
    log(`  ${spec.name}: ${step.ms.median} ms, of which waiting for the page ${step.waitingForThePageMs.median} ms (${Object.entries(statuses).map(([k, v]) => `${v} ${k}`).join(', ')})`);
  }
  return steps;
}
