// Serves the replica portal pages at their real https URLs, for e2e tests and the demo.
// https://<host>/<path> → test/fixtures/portals/<host>/<path>; https://<host>/__replica/<file> →
// test/fixtures/portals/_kit/<file> (the replicas' shared framework imitation).
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'portals');

/** Every host a replica exists for; the routes cover exactly these. */
export const REPLICA_HOSTS = ['register.ccopyright.com.cn', 'copyright.console.aliyun.com'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** The fixture file for a URL, or null when the URL is outside the replicas. */
export function fixturePath(url) {
  const u = new URL(url);
  if (!REPLICA_HOSTS.includes(u.hostname)) return null;
  const path = decodeURIComponent(u.pathname);
  const file = path.startsWith('/__replica/')
    ? join(FIXTURE_ROOT, '_kit', path.slice('/__replica/'.length))
    : join(FIXTURE_ROOT, u.hostname, path === '/' ? 'index.html' : path);
  const safe = normalize(file);
  return safe.startsWith(FIXTURE_ROOT) ? safe : null;
}

/** Installs the routes on a Playwright BrowserContext. Unknown paths get a plain 404 page. */
export async function routeReplicas(context) {
  for (const host of REPLICA_HOSTS) {
    await context.route(`https://${host}/**`, async (route) => {
      const file = fixturePath(route.request().url());
      try {
        if (!file) throw new Error('outside');
        const body = await readFile(file);
        await route.fulfill({ status: 200, body, headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
      } catch {
        await route.fulfill({ status: 404, body: '<!doctype html><title>404</title><p>Not in the replica.</p>', headers: { 'content-type': 'text/html; charset=utf-8' } });
      }
    });
  }
}
