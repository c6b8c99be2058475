// The detection floor: an extension whose content script does nothing but set the marker, injected
// like ours (same matches, same run_at) on the same pages. What it takes from DOMContentLoaded to
// that marker is what any content script pays before it can look at the page.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker value the empty content script sets on <html data-ruanzhu-page>. */
export const FLOOR_MARK = 'floor';

/** Writes the floor extension next to the measured copy of ours and returns its folder. */
export function writeFloorExtension(ext, dir) {
  const ours = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  const floor = join(dir, 'floor-extension');
  mkdirSync(join(floor, 'content-scripts'), { recursive: true });
  const [script] = ours.content_scripts;
  writeFileSync(
    join(floor, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'bench floor',
      version: '1.0.0',
      host_permissions: ours.host_permissions,
      // The bench's browser helper waits for a service worker, as for ours.
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: script.matches, run_at: script.run_at, js: ['content-scripts/floor.js'] }],
    }),
  );
  writeFileSync(join(floor, 'background.js'), '');
  writeFileSync(join(floor, 'content-scripts', 'floor.js'), `document.documentElement.dataset.ruanzhuPage = '${FLOOR_MARK}';\n`);
  return floor;
}
