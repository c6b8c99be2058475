// `web-ext lint` on the Firefox build with AMO's rules for a listed add-on (not --self-hosted: the
// store is where users get it). Any error fails; warnings and notices are printed grouped, one line
// per kind, so the test log stays readable. README ("Firefox") says which warnings remain and why.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './machine.mjs';

export const FIREFOX_BUILD = '.output/firefox-mv2';

/** The project's web-ext (a devDependency), or WEB_EXT_BIN: one installed elsewhere, e.g. before `npm ci` brought it. */
function webExtBin() {
  const bin = process.env.WEB_EXT_BIN || join(ROOT, 'node_modules', '.bin', 'web-ext');
  if (existsSync(bin)) return bin;
  console.error(`未找到 web-ext（${bin}）：请先运行 npm ci 安装开发依赖 / web-ext not found (${bin}): run npm ci to install the dev dependencies`);
  return null;
}

/** One line per type, code and message: where it occurs, counted per file. */
function grouped(report) {
  const groups = new Map();
  for (const type of ['errors', 'warnings', 'notices']) {
    for (const m of report[type] ?? []) {
      const key = `${type}\u0000${m.code}\u0000${m.message}`;
      const group = groups.get(key) ?? { type: type.slice(0, -1), code: m.code, message: m.message, description: m.description, files: new Map() };
      // A manifest schema error names the key (instancePath), not the file.
      const file = m.file ?? (m.instancePath !== undefined ? 'manifest.json' : '?');
      group.files.set(file, (group.files.get(file) ?? 0) + 1);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => {
    const where = [...g.files].map(([file, n]) => (n > 1 ? `${file} ×${n}` : file)).join(', ');
    // A manifest message's description names the key; the code's descriptions are boilerplate.
    const detail = g.files.has('manifest.json') && g.description ? ` (${String(g.description).replace(/\s+/g, ' ').trim()})` : '';
    return `  ${g.type} ${g.code}: ${g.message}${detail} — ${where}`;
  });
}

/** Lints the Firefox build; true when web-ext reports no error. */
export function lintFirefox() {
  const bin = webExtBin();
  if (!bin) return false;
  const r = spawnSync(bin, ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json', '--no-config-discovery'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    // No update check: the test run asks nothing of the network.
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(`web-ext lint 没有给出报告（退出码 ${r.status}） / web-ext lint gave no report (exit ${r.status})`);
    return false;
  }
  const { errors = 0, warnings = 0, notices = 0 } = report.summary ?? {};
  console.log(`web-ext lint ${FIREFOX_BUILD}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  for (const line of grouped(report)) console.log(line);
  return errors === 0 && r.status === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(lintFirefox() ? 0 : 1);
