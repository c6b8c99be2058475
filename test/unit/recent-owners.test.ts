import { describe, expect, it } from 'vitest';
import { createBackgroundContext } from '@/utils/background/service';
import { RECENT_OWNERS_MAX, noteOwnerChosen, recentOwners } from '@/utils/background/store/recent';
import { askBackground, freshDb, freshStore, sampleBundle } from './helpers';

// An agent's clients in progress come first in the popup: the owners chosen lately for a tab.

describe('recently chosen owners', () => {
  it('lead the popup’s list (recentFirst) once chosen for a tab; other lists keep their order; a query still filters them', async () => {
    const { store } = freshStore();
    const ctx = createBackgroundContext(store, () => {});
    await askBackground(ctx, { type: 'ruanzhu:import', bundle: sampleBundle() });
    const names = async (query: object) => ((await askBackground(ctx, { type: 'ruanzhu:owner-rows', query })).rows as { id: string }[]).map((r) => r.id);
    const before = await names({ recentFirst: true });
    expect(before).toEqual(await names({}));
    const last = before.at(-1)!;
    await askBackground(ctx, { type: 'ruanzhu:update-tab-state', tabId: 3, patch: { ownerId: last } });
    expect((await names({ recentFirst: true }))[0]).toBe(last);
    expect(await names({})).toEqual(before);
    // A text the recent owner does not match leaves it out, first or not.
    const other = before[0];
    const otherName = ((await askBackground(ctx, { type: 'ruanzhu:owner-rows', query: {} })).rows as { id: string; name: string }[]).find((r) => r.id === other)!.name;
    expect(await names({ text: otherName, recentFirst: true })).toEqual([other]);
  });

  it('keeps the most recent first, each once, at most RECENT_OWNERS_MAX', async () => {
    const { db } = freshDb();
    for (let i = 0; i < RECENT_OWNERS_MAX + 5; i++) await noteOwnerChosen(db, `o-${i}`);
    await noteOwnerChosen(db, 'o-3');
    const recent = await recentOwners(db);
    expect(recent[0]).toBe('o-3');
    expect(recent).toHaveLength(RECENT_OWNERS_MAX);
    expect(new Set(recent).size).toBe(RECENT_OWNERS_MAX);
    expect(recent[1]).toBe(`o-${RECENT_OWNERS_MAX + 4}`);
  });
});
