import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { engineOnDemand, portalLink, type PortalEngine, type PortalLink } from '@/utils/content/engine-link';
import { isFailure } from '@/utils/contract/failure';
import type { PageKind } from '@/utils/pages/registry';

// The loader's half of the content script: when the engine is injected, and what it is handed.

const sender = { id: 'ext' } as Runtime.MessageSender;

/** An inject() that "runs" the engine the way the background's injection does: it sets the link's engine. */
function fakeInjection(engine: PortalEngine, fail = 0) {
  let failures = fail;
  return vi.fn(async () => {
    if (failures-- > 0) throw new Error('no tab');
    portalLink().current!.engine = engine;
  });
}

function setUp(fail = 0) {
  const engine = { answer: vi.fn(async (m: unknown) => ({ echoed: m })), chosen: vi.fn() };
  const inject = fakeInjection(engine, fail);
  const abort = new AbortController();
  const loader = engineOnDemand(document, inject, abort.signal);
  portalLink().current = { ctx: {}, watcher: {} } as unknown as PortalLink;
  return { engine, inject, loader, abort };
}

/** A file input's `change` as the browser fires it for the user's choice (happy-dom has no trusted events). */
function chooseFile(trusted: boolean) {
  const input = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'file' }));
  const event = new Event('change', { bubbles: true });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  input.dispatchEvent(event);
  return input;
}

let cleanup: AbortController | undefined;
afterEach(() => {
  cleanup?.abort();
  portalLink().current = undefined;
  document.body.replaceChildren();
});

describe('the engine on demand', () => {
  it('comes at once, and once, for the kinds that need it on sight; never for the others', async () => {
    const { inject, loader, abort } = setUp();
    cleanup = abort;
    for (const page of ['ccopyright.login', 'ccopyright.register', 'ccopyright.r11.identity', 'aliyun.signed-out', null] as (PageKind | null)[]) loader.kindShown(page);
    await Promise.resolve();
    expect(inject).not.toHaveBeenCalled();
    loader.kindShown('ccopyright.realname.person');
    loader.kindShown('ccopyright.r11.application');
    loader.kindShown('aliyun.orders');
    await vi.waitFor(() => expect(portalLink().current?.engine).toBeDefined());
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('answers a message through the engine, loading it first', async () => {
    const { engine, inject, loader, abort } = setUp();
    cleanup = abort;
    await expect(loader.answer({ type: 'ruanzhu:detect' }, sender)).resolves.toEqual({ echoed: { type: 'ruanzhu:detect' } });
    await loader.answer({ type: 'ruanzhu:fill' }, sender);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(engine.answer).toHaveBeenCalledTimes(2);
  });

  it('a lock before the engine came costs nothing (nothing holds a profile value); after, the engine forgets', async () => {
    const { engine, inject, loader, abort } = setUp();
    cleanup = abort;
    await expect(loader.answer({ type: 'ruanzhu:locked' }, sender)).resolves.toBeNull();
    expect(inject).not.toHaveBeenCalled();
    await loader.answer({ type: 'ruanzhu:detect' }, sender);
    await loader.answer({ type: 'ruanzhu:locked' }, sender);
    expect(engine.answer).toHaveBeenLastCalledWith({ type: 'ruanzhu:locked' }, sender);
  });

  it('a failed injection answers the one Failure shape, and the next need tries again', async () => {
    const { inject, loader, abort } = setUp(1);
    cleanup = abort;
    const first = await loader.answer({ type: 'ruanzhu:detect' }, sender);
    expect(isFailure(first)).toBe(true);
    expect((first as { error: string }).error).toMatch(/^助手未能在本页启动.* \/ the assistant could not start/);
    await expect(loader.answer({ type: 'ruanzhu:detect' }, sender)).resolves.toEqual({ echoed: { type: 'ruanzhu:detect' } });
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('a file the user chose before the engine came is handed to it; a script’s change event is not; later choices are the engine’s own', async () => {
    const { engine, inject, abort } = setUp();
    cleanup = abort;
    chooseFile(false);
    await Promise.resolve();
    expect(inject).not.toHaveBeenCalled();
    const input = chooseFile(true);
    await vi.waitFor(() => expect(engine.chosen).toHaveBeenCalledWith(input));
    chooseFile(true);
    await Promise.resolve();
    expect(engine.chosen).toHaveBeenCalledTimes(1);
    expect(inject).toHaveBeenCalledTimes(1);
  });
});
