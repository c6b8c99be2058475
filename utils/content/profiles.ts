import type { PlanValues } from '@/utils/contract/messages';

/** The owner and work the user chose for this tab in the popup. */
export interface Choice {
  ownerId: string;
  workId?: string;
}

/**
 * The chosen profiles as the content script last received them. A user action (a fill, a check)
 * fetches them once and every feature of the page (the fill, the findings panel, the console's
 * status guide) works from that one answer; nothing here fetches on its own.
 */
export class ChosenProfiles {
  private current: PlanValues | null = null;
  private choice: Choice | null = null;
  private readonly listeners = new Set<(values: PlanValues | null) => void>();

  /**
   * `fetch` asks the background for the values of a choice for a page; `savedChoice` for the
   * choice the user made for this tab in the popup (kept across reloads and steps), which a
   * "check again" uses when nothing was chosen since this page loaded.
   */
  constructor(
    private readonly fetch: (choice: Choice, page: string) => Promise<PlanValues>,
    private readonly savedChoice: () => Promise<Choice | null> = async () => null,
  ) {}

  /** The values of the last action, or null before any (or after a check without an owner). */
  get values(): PlanValues | null {
    return this.current;
  }

  /** Fetches the profiles of `choice` for `page` and tells every subscriber; a failure (a locked store) rejects and forgets them. */
  async load(choice: Choice | null, page: string): Promise<PlanValues | null> {
    this.choice = choice;
    try {
      this.set(choice ? await this.fetch(choice, page) : null);
    } catch (e) {
      this.set(null);
      throw e;
    }
    return this.current;
  }

  /** The last choice again, or the tab's, fresh from the store (the user asked to check again). */
  async reload(page: string): Promise<PlanValues | null> {
    return this.load(this.choice ?? (await this.savedChoice()), page);
  }

  /** The lock locked: the values received are gone, and every subscriber is told. */
  forget(): void {
    this.choice = null;
    this.set(null);
  }

  subscribe(listener: (values: PlanValues | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(values: PlanValues | null): void {
    this.current = values;
    for (const l of this.listeners) l(values);
  }
}
