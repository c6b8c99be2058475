// What `npm run zip` made, against the rules for the stores: each browser's zip is its build and
// nothing else (no source maps, no tests, no dotfiles), holds every file its manifest names, and
// the Firefox manifest asks for what the Chrome one does; the sources zip AMO asks for holds only
// files under version control (no node_modules, builds, reports, bench results, local files) and
// every one the build reads, none of the tests. Run after `wxt zip` and `wxt zip -b firefox`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { ROOT } from './machine.mjs';

const OUTPUT = join(ROOT, '.output');
const NEVER_SHIPPED = [/\.map$/, /(^|\/)\./, /(^|\/)(node_modules|test|tests|__tests__)\//, /\.(test|spec)\.[cm]?[jt]sx?$/];
/** What the build reads besides the folders below (tests are not part of it). */
const BUILD_INPUTS = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md'];
const BUILD_FOLDERS = ['entrypoints/', 'components/', 'utils/', 'public/'];

const filesUnder = (dir) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'));

async function openZip(name, problems) {
  const path = join(OUTPUT, name);
  if (!existsSync(path)) {
    problems.push(`缺少 ${name} / ${name} is missing (npm run zip)`);
    return null;
  }
  try {
    const zip = await JSZip.loadAsync(readFileSync(path));
    return { zip, files: Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name) };
  } catch (e) {
    problems.push(`${name} 无法读取 / cannot be read: ${e instanceof Error ? e.message : e}`);
    return null;
  }
}

/** Every file a manifest names, relative to the zip's root. */
function namedBy(manifest) {
  const background = manifest.background ?? {};
  return [
    ...(background.service_worker ? [background.service_worker] : []),
    ...(background.scripts ?? []),
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    (manifest.action ?? manifest.browser_action)?.default_popup,
    manifest.options_ui?.page,
    ...Object.values(manifest.icons ?? {}),
    manifest.default_locale && `_locales/${manifest.default_locale}/messages.json`,
  ].filter(Boolean);
}

async function checkBrowserZip(name, target, problems) {
  const opened = await openZip(name, problems);
  if (!opened) return null;
  const { zip, files } = opened;
  for (const f of files) if (NEVER_SHIPPED.some((re) => re.test(f))) problems.push(`${name}: 不应发布 / not to be shipped: ${f}`);
  const built = existsSync(join(OUTPUT, target)) ? filesUnder(join(OUTPUT, target)) : [];
  if (!isDeepStrictEqual([...files].sort(), [...built].sort())) problems.push(`${name}: 与 .output/${target} 不一致 / differs from .output/${target}`);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) {
    problems.push(`${name}: 根目录没有 manifest.json / no manifest.json at the root`);
    return null;
  }
  const manifest = JSON.parse(await manifestFile.async('string'));
  for (const f of namedBy(manifest)) if (!files.includes(f)) problems.push(`${name}: manifest 引用的文件缺失 / the manifest names a missing file: ${f}`);
  return manifest;
}

/** Firefox's build is MV2: host permissions sit among the permissions and the background is a page's scripts. */
function checkFirefoxManifest(firefox, chrome, problems) {
  const expect = (what, ok) => ok || problems.push(`Firefox manifest: ${what}`);
  expect('manifest_version 2', firefox.manifest_version === 2);
  expect('permissions = Chrome 的 permissions + host_permissions / Chrome’s permissions + host_permissions', isDeepStrictEqual(firefox.permissions, [...chrome.permissions, ...chrome.host_permissions]));
  expect('没有 host_permissions、optional_permissions、web_accessible_resources / none of host_permissions, optional_permissions, web_accessible_resources', !firefox.host_permissions && !firefox.optional_permissions && !firefox.web_accessible_resources);
  expect('background.scripts，没有 service_worker / background.scripts, no service_worker', firefox.background?.scripts?.length > 0 && !firefox.background.service_worker);
  expect('content_scripts 与 Chrome 相同 / content_scripts as Chrome’s', isDeepStrictEqual(firefox.content_scripts, chrome.content_scripts));
  expect('browser_action.default_popup', firefox.browser_action?.default_popup === chrome.action?.default_popup);
  expect('gecko data_collection_permissions required ["none"]', isDeepStrictEqual(firefox.browser_specific_settings?.gecko?.data_collection_permissions, { required: ['none'] }));
}

function trackedFiles(problems) {
  const r = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    problems.push('无法用 git ls-files 列出受版本控制的文件 / git ls-files failed: the sources zip cannot be checked');
    return null;
  }
  return new Set(r.stdout.split('\0').filter(Boolean));
}

async function checkSourcesZip(name, problems) {
  const opened = await openZip(name, problems);
  const tracked = trackedFiles(problems);
  if (!opened || !tracked) return;
  const files = new Set(opened.files);
  for (const f of files) {
    if (!tracked.has(f)) problems.push(`${name}: 不受版本控制 / not under version control: ${f}`);
    else if (NEVER_SHIPPED.some((re) => re.test(f))) problems.push(`${name}: 不应包含 / not to be included: ${f}`);
  }
  const needed = [...tracked].filter((f) => BUILD_INPUTS.includes(f) || (BUILD_FOLDERS.some((d) => f.startsWith(d)) && !NEVER_SHIPPED.some((re) => re.test(f))));
  for (const f of needed) if (!files.has(f)) problems.push(`${name}: 构建需要的文件缺失 / a file the build reads is missing: ${f}`);
}

/** Checks the three zips of the package's current version; prints what it checked or each problem. */
export async function checkZips() {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const zipName = (suffix) => `${name}-${version}-${suffix}.zip`;
  const problems = [];
  const chrome = await checkBrowserZip(zipName('chrome'), 'chrome-mv3', problems);
  const firefox = await checkBrowserZip(zipName('firefox'), 'firefox-mv2', problems);
  if (chrome && firefox) checkFirefoxManifest(firefox, chrome, problems);
  await checkSourcesZip(zipName('sources'), problems);
  for (const p of problems) console.error(`  ✗ ${p}`);
  if (!problems.length) console.log(`zips: ${['chrome', 'firefox', 'sources'].map(zipName).join(', ')} — 内容符合规则 / contents as the rules say`);
  return problems.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit((await checkZips()) ? 0 : 1);
