import { describe, expect, it, vi } from 'vitest';
import { ChosenProfiles, type Choice } from '@/utils/content/profiles';
import type { PlanValues } from '@/utils/contract/messages';

// The choice made for a tab outlives the page: a "check again" after a reload or a step change
// uses it, and fetches nothing until the user asks.

const values = (choice: Choice) => ({ owner: { id: choice.ownerId } }) as unknown as PlanValues;

describe('the chosen profiles', () => {
  it('before any fill in this page’s life, checking again uses the tab’s saved choice; nothing is fetched until asked', async () => {
    const fetch = vi.fn(async (choice: Choice) => values(choice));
    const saved = vi.fn(async () => ({ ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }));
    const profiles = new ChosenProfiles(fetch, saved);
    expect(fetch).not.toHaveBeenCalled();
    expect(saved).not.toHaveBeenCalled();
    await profiles.reload('aliyun.order');
    expect(fetch).toHaveBeenCalledWith({ ownerId: 'o-yunfan', workId: 'w-yunfan-crm' }, 'aliyun.order');
    expect(profiles.values).toEqual(values({ ownerId: 'o-yunfan' }));
  });

  it('a choice received in this page wins over the saved one; after a lock, nothing is held and the saved choice is asked again', async () => {
    const fetch = vi.fn(async (choice: Choice) => values(choice));
    const saved = vi.fn(async () => ({ ownerId: 'o-saved' }));
    const profiles = new ChosenProfiles(fetch, saved);
    await profiles.load({ ownerId: 'o-now' }, 'aliyun.order');
    await profiles.reload('aliyun.order');
    expect(fetch).toHaveBeenLastCalledWith({ ownerId: 'o-now' }, 'aliyun.order');
    expect(saved).not.toHaveBeenCalled();
    profiles.forget();
    expect(profiles.values).toBeNull();
    await profiles.reload('aliyun.order');
    expect(fetch).toHaveBeenLastCalledWith({ ownerId: 'o-saved' }, 'aliyun.order');
  });

  it('no saved choice: checking again holds nothing and fetches nothing', async () => {
    const fetch = vi.fn(async (choice: Choice) => values(choice));
    const profiles = new ChosenProfiles(fetch, async () => null);
    expect(await profiles.reload('aliyun.orders')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
