import { afterEach, beforeEach, expect, it } from 'vitest';
import { watchPage } from '@/utils/content/detect/watch';

// The marker on <html> follows hash changes and late, replaced step containers.

const marker = () => document.documentElement.dataset.ruanzhuPage ?? null;
const settle = () => new Promise((r) => setTimeout(r, 0));
let abort: AbortController;

beforeEach(() => {
  abort = new AbortController();
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL('https://register.ccopyright.com.cn/r11.html#/application');
  document.body.innerHTML = '<div class="el-steps"><div class="el-step__title">软件开发信息</div></div><div id="step"><input placeholder="请输入软件全称"></div>';
});
afterEach(() => {
  abort.abort();
  delete document.documentElement.dataset.ruanzhuPage;
});

it('marks the page, drops the mark while the next step renders, and marks it again when it has', async () => {
  const watcher = watchPage(window, abort.signal);
  expect(marker()).toBe('ccopyright.r11.application');

  location.hash = '#/development';
  await settle();
  // The hash says development, the DOM still shows application: no kind yet.
  expect(marker()).toBeNull();

  document.getElementById('step')!.replaceWith(Object.assign(document.createElement('div'), { id: 'step', innerHTML: '<h2>软件开发信息</h2>' }));
  await settle();
  expect(marker()).toBe('ccopyright.r11.development');
  expect(watcher.refresh()?.page).toBe('ccopyright.r11.development');
});

it('re-detects when the proving element is replaced, and stays cheap while it is there', async () => {
  const watcher = watchPage(window, abort.signal);
  const first = watcher.refresh();
  document.body.append(document.createElement('span'));
  await settle();
  expect(watcher.refresh()).toBe(first);

  document.getElementById('step')!.innerHTML = '<p>加载中…</p>';
  await settle();
  expect(marker()).toBeNull();
});

it('stops watching when the content script is invalidated', async () => {
  watchPage(window, abort.signal);
  abort.abort();
  document.getElementById('step')!.innerHTML = '';
  await settle();
  expect(marker()).toBe('ccopyright.r11.application');
});
