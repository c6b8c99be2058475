import { describe, expect, it } from 'vitest';
import { fillFromShortcut, type ShortcutDeps } from '@/utils/background/shortcut';
import type { FillResponse } from '@/utils/contract/messages';
import { MessageFailure } from '@/utils/platform/messaging';

function harness(state: { ownerId?: string; workId?: string }, answer: FillResponse | Error) {
  const calls: string[] = [];
  const deps: ShortcutDeps = {
    activeTabId: async () => 7,
    loadTabState: async () => state,
    fill: async (tabId, ownerId, workId) => {
      calls.push(`fill ${tabId} ${ownerId} ${workId}`);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    saveReport: async (tabId) => calls.push(`save ${tabId}`),
    badge: async (tabId, text, color) => calls.push(`badge ${tabId} ${text} ${color ?? ''}`.trim()),
  };
  return { deps, calls };
}

describe('fillFromShortcut', () => {
  it('fills with the tab’s chosen profile and shows the count in green', async () => {
    const { deps, calls } = harness({ ownerId: 'o1', workId: 'w1' }, { page: 'ccopyright.r11.application', results: [{ key: 'a', status: 'filled' }, { key: 'b', status: 'kept' }] });
    await fillFromShortcut(deps);
    expect(calls).toEqual(['fill 7 o1 w1', 'save 7', 'badge 7 1 #1a7f37']);
  });

  it('turns red when something needs attention', async () => {
    const { deps, calls } = harness({ ownerId: 'o1' }, { page: 'ccopyright.r11.application', results: [{ key: 'a', status: 'filled' }, { key: 'b', status: 'too-long' }] });
    await fillFromShortcut(deps);
    expect(calls.at(-1)).toBe('badge 7 1 #b3261e');
  });

  it('asks for a choice instead of guessing an owner', async () => {
    const { deps, calls } = harness({}, { page: 'ccopyright.r11.application', results: [] });
    await fillFromShortcut(deps);
    expect(calls).toEqual(['badge 7 ?']);
  });

  it('a tab without the content script (not a portal page) clears the badge and saves nothing', async () => {
    const { deps, calls } = harness({ ownerId: 'o1' }, new Error('Could not establish connection'));
    await fillFromShortcut(deps);
    expect(calls).toEqual(['fill 7 o1 undefined', 'badge 7']);
  });

  it('a page that cannot be filled (a locked store) shows a red ! and saves nothing', async () => {
    const { deps, calls } = harness({ ownerId: 'o1' }, new MessageFailure({ failed: true, reason: 'locked', error: '资料已锁定' }));
    await fillFromShortcut(deps);
    expect(calls).toEqual(['fill 7 o1 undefined', 'badge 7 ! #b3261e']);
  });
});
