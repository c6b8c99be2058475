// `npm run demo`: installs what is missing, builds, and opens Chromium with the extension on the
// local replica of the portal, with the sample profiles imported.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, run } from './machine.mjs';

ensureDependencies();
if (run(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build']) !== 0) process.exit(1);
const extensionDir = join(ROOT, '.output', 'chrome-mv3');

const hasDisplay = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay || !ensureChromium()) {
  console.log(`
没有可用的图形界面或 Chromium，无法打开演示窗口。 / No display (or no Chromium): the demo window cannot open.
扩展已构建在 / The extension is built in:
  ${extensionDir}
手动加载 / To load it by hand:
  1. 在 Chrome 或 Edge 打开 chrome://extensions（Edge: edge://extensions） / open chrome://extensions
  2. 打开“开发者模式” / turn on Developer mode
  3. 点击“加载已解压的扩展程序”，选择上面的文件夹 / click "Load unpacked" and choose the folder above
  4. 在“管理资料 → 导入与导出”中导入示例资料 / import the sample profiles from
     ${join(ROOT, 'test', 'fixtures', 'sample.ruanzhu.json')}
Firefox: npm run build:firefox, then about:debugging → 此 Firefox → 临时载入附加组件 / Load Temporary Add-on.`);
  process.exit(0);
}

const { chromium } = await import('@playwright/test');
const { extensionLaunchOptions } = await import('./chromium.mjs');
const { routeReplicas } = await import('./portal-router.mjs');

const context = await chromium.launchPersistentContext('', { ...extensionLaunchOptions({ headless: false }), viewport: null });
await routeReplicas(context);
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;

const options = await context.newPage();
await options.goto(`chrome-extension://${extensionId}/options.html`);
const bundle = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sample.ruanzhu.json'), 'utf8'));
const imported = await options.evaluate((b) => chrome.runtime.sendMessage({ type: 'ruanzhu:import', bundle: b }), bundle);
console.log('示例资料 / sample profiles:', JSON.stringify(imported));

const portal = await context.newPage();
await portal.goto('https://register.ccopyright.com.cn/r11.html#/application');
console.log(`演示已打开：页面是本地副本，点击工具栏中的“软著助手”图标。关闭浏览器即结束。
The demo is open: the portal pages are local replicas; click the 软著助手 toolbar icon. Close the browser to end.`);
await new Promise((resolve) => context.on('close', resolve));
