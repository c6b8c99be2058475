// What every benchmark section needs: a fresh enough build, a private copy of it, the machine's
// description, and Chromium launched exactly as test/chromium.mjs launches it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionLaunchOptions } from '../chromium.mjs';
import { ROOT, run } from '../machine.mjs';

/** What a build reads: when any of it is newer than the built manifest, the build is stale. */
const BUILD_INPUTS = ['entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds .output/chrome-mv3 when it is missing or older than its sources (or when `force`).
 * Returns why it built, or null when the existing build was fresh.
 */
export function buildIfNeeded({ force = false } = {}) {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const sourcesAt = Math.max(...BUILD_INPUTS.map((p) => newestMtime(join(ROOT, p))));
  const reason = force ? 'forced (--rebuild)' : !builtAt ? 'no build' : sourcesAt > builtAt ? 'sources newer than the build' : null;
  if (!reason) return null;
  console.log(`构建扩展 / building the extension (${reason}) …`);
  if (run(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build']) !== 0) throw new Error('wxt build failed / 构建失败');
  return reason;
}

/**
 * A private copy of the build. Other people's `npm test` rebuild .output/chrome-mv3 while a bench
 * runs; the browser and the size figures use this copy so they measure one build throughout.
 */
export function snapshotBuild() {
  const dir = mkdtempSync(join(os.tmpdir(), 'ruanzhu-bench-'));
  const ext = join(dir, 'chrome-mv3');
  // Someone else's build may be under way (it empties the folder first): wait for it, up to 2 minutes.
  for (let attempt = 0; attempt < 60; attempt++) {
    rmSync(ext, { recursive: true, force: true });
    try {
      cpSync(EXTENSION_DIR, ext, { recursive: true });
      if (buildLooksComplete(ext)) return { dir, ext };
    } catch {
      // a file vanished while copying: a build is running
    }
    if (attempt === 0) console.log('等待其他构建完成 / waiting for a build in progress …');
    execFileSync('sleep', ['2']);
  }
  throw new Error(`the build in ${EXTENSION_DIR} stayed incomplete for 2 minutes; run \`npm run build\` and try again`);
}

function buildLooksComplete(ext) {
  try {
    const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
    const files = [manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])];
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(ext, page), 'utf8');
      for (const m of html.matchAll(/(?:src|href)="\/([^"]+)"/g)) files.push(m[1]);
    }
    return files.filter(Boolean).every((f) => existsSync(join(ext, f)));
  } catch {
    return false;
  }
}

/** test/chromium.mjs's launch options, pointed at the private copy of the build. */
export function launchOptions(ext) {
  const options = extensionLaunchOptions();
  return { ...options, args: options.args.map((a) => a.split(EXTENSION_DIR).join(ext)) };
}

const tryRun = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

/** CPU, cores, memory, load, versions, and the commit measured. */
export function describeMachine() {
  const cpus = os.cpus();
  const modelFromProc = () => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? null;
    } catch {
      return null;
    }
  };
  const playwright = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@playwright', 'test', 'package.json'), 'utf8')).version;
  return {
    cpu: cpus[0]?.model || modelFromProc(),
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: tryRun('/usr/lib/chromium/chromium', ['--version']),
    playwright,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function describeCommit() {
  const dirty = tryRun('git', ['status', '--porcelain', '--untracked-files=no', '--', 'entrypoints', 'components', 'utils', 'public', 'wxt.config.ts', 'package.json']);
  return { commit: tryRun('git', ['rev-parse', 'HEAD']), sourcesDirty: dirty === null ? null : dirty.length > 0 };
}
