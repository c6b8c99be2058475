// Installs what a fresh machine lacks before tests or the demo run. Node built-ins only: this runs
// before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
// Debian ships Chromium's UI languages apart; without them chrome.i18n falls back to English.
const ZH_LOCALE = '/usr/lib/chromium/locales/zh-CN.pak';
const haveChromium = () => CHROMIUM_PATHS.some((p) => existsSync(p)) && existsSync(ZH_LOCALE);

/** Runs a command in the project root with inherited output; returns its exit status. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return r.status ?? 1;
}

export function ensureDependencies() {
  if (existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) return;
  console.log('安装依赖 / installing npm packages (npm ci) …');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci 失败 / npm ci failed');
}

/** Debian's Chromium and its Chinese UI; installed with apt-get when missing and we are root, else a clear message. */
export function ensureChromium() {
  if (haveChromium()) return true;
  if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('安装 Chromium / installing Debian chromium (apt-get) …');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'chromium-l10n'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return haveChromium();
  }
  console.error('未找到 Chromium：请以 root 运行 `apt-get install -y chromium chromium-l10n`（Debian/Ubuntu） / Chromium not found: install it with `sudo apt-get install -y chromium chromium-l10n`');
  return false;
}
