import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordList } from '@/components/RecordList';

const TOTAL = 10_000;
const itemAt = (i: number) => (i % 50 === 7 ? undefined : { id: `o-${i}`, title: `客户${i}`, subtitle: `第 ${i} 行` });

beforeEach(() => {
  // happy-dom lays nothing out: the list's viewport and its rows are given heights.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(460);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(46);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const list = (props: Partial<Parameters<typeof RecordList>[0]> = {}) => (
  <RecordList label="著作权人" total={TOTAL} itemAt={itemAt} onShow={() => {}} onSelect={() => {}} emptyText="没有记录" loadingText="加载中…" {...props} />
);

describe('RecordList', () => {
  it('puts only the rows on screen in the page, and says which ones are shown', async () => {
    const onShow = vi.fn();
    render(list({ onShow }));
    const rows = within(screen.getByRole('list', { name: '著作权人' })).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0].getAttribute('aria-setsize')).toBe(String(TOTAL));
    expect(onShow).toHaveBeenLastCalledWith(0, rows.length - 1);
    // A row whose page is on its way shows that it loads, not a blank button.
    expect(within(rows[7]).getByText('加载中…')).toBeTruthy();
  });

  it('moves between rows with the arrow keys and picks one with a click (Enter on a button)', async () => {
    const onSelect = vi.fn();
    render(list({ onSelect }));
    const first = screen.getByRole('button', { name: /^客户0 ?第/ });
    first.focus();
    await act(async () => {
      fireEvent.keyDown(first, { key: 'ArrowDown' });
      await new Promise((r) => requestAnimationFrame(r));
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^客户1 ?第/ }));
    fireEvent.click(document.activeElement!);
    expect(onSelect).toHaveBeenCalledWith('o-1');
  });

  it('says so when nothing matches', () => {
    render(list({ total: 0 }));
    expect(screen.getByText('没有记录')).toBeTruthy();
  });
});
