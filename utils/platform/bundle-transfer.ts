import { browser } from 'wxt/browser';
import { isFailure } from '@/utils/contract/failure';
import type { ImportResult, RequestOf } from '@/utils/contract/messages';
import { readBundleJson } from '@/utils/schema/bundle';
import { MessageFailure, toBackground } from './messaging';

/**
 * `ruanzhu:import` with the file's bytes, from an extension page to the background service worker
 * by `postMessage` with the bytes transferred, not copied: extension messaging turns a 37 MB
 * bundle into JSON on both sides, about a second before the import starts. The background reads
 * the JSON and answers exactly as `ruanzhu:import` does, through the same handler; where there is
 * no service worker (Firefox's background page), the message is sent as usual.
 */
const IMPORT_BYTES = 'ruanzhu:import-bytes';

interface BytesRequest {
  type: typeof IMPORT_BYTES;
  bytes: ArrayBuffer;
  passphrase?: string;
}

/** How long to wait for the background service worker to be active before sending the usual message. */
const READY_WAIT_MS = 1000;

/** The extension's own background service worker, once active (it may still be starting). */
async function activeWorker(): Promise<ServiceWorker | null> {
  const script = browser.runtime.getURL('/background.js');
  const container = navigator.serviceWorker;
  // A background page (Firefox's build) has no worker to wait for.
  if (!container || !(browser.runtime.getManifest().background as { service_worker?: string } | undefined)?.service_worker) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_WAIT_MS));
  const registration = await Promise.race([container.ready.catch(() => null), timeout]);
  const worker = registration?.active ?? null;
  return worker?.scriptURL === script ? worker : null;
}

/** Imports a bundle file's text, as `toBackground('ruanzhu:import', …)` does with its parsed JSON. */
export async function importBundleText(text: string, passphrase?: string): Promise<ImportResult> {
  const worker = await activeWorker();
  if (!worker) {
    const json = readBundleJson(text);
    return json.ok ? toBackground('ruanzhu:import', { bundle: json.value, passphrase }) : json;
  }
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise<unknown>((resolve) => {
    port1.onmessage = (e) => {
      port1.close();
      resolve(e.data);
    };
  });
  worker.postMessage({ type: IMPORT_BYTES, bytes, ...(passphrase ? { passphrase } : {}) } satisfies BytesRequest, [port2, bytes]);
  const result = await answer;
  if (isFailure(result)) throw new MessageFailure(result);
  return result as ImportResult;
}

/**
 * The background's side: every `ruanzhu:import-bytes` from a page of this extension (a service
 * worker's clients are same-origin documents, and only ours share the extension's origin) becomes
 * `import(request)`, answered on the port it brought.
 */
export function serveBundleBytes(importBundle: (request: RequestOf<'ruanzhu:import'>, url: string) => Promise<unknown>): void {
  const origin = browser.runtime.getURL('/');
  self.addEventListener('message', (e) => {
    const event = e as MessageEvent & { waitUntil?(p: Promise<unknown>): void };
    const data = event.data as Partial<BytesRequest> | null;
    const url = (event.source as { url?: string } | null)?.url ?? '';
    const [port] = event.ports;
    if (!port || data?.type !== IMPORT_BYTES || !(data.bytes instanceof ArrayBuffer) || !url.startsWith(origin)) return;
    const answered = (async () => {
      const json = readBundleJson(new TextDecoder().decode(data.bytes));
      const passphrase = typeof data.passphrase === 'string' ? data.passphrase : undefined;
      port.postMessage(json.ok ? await importBundle({ bundle: json.value, passphrase }, url) : json);
    })();
    // A service worker stays alive until the answer is sent.
    event.waitUntil?.(answered);
  });
}
