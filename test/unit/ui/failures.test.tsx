import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordsTab } from '@/entrypoints/options/RecordsTab';
import { SheetImport } from '@/entrypoints/options/SheetImport';
import { App as Popup } from '@/entrypoints/popup/App';
import { failure, type MessageType } from '@/utils/contract/messages';
import { MessageFailure } from '@/utils/platform/messaging';
import { OWNER_FIELDS } from '@/utils/schema/fields';
import { Owner } from '@/utils/schema/owner';
import { ownerRow } from '@/utils/schema/summary';

// A refused action says why on the page and leaves nothing half done: a locked store, a tab that
// navigated away. Before, each of these was an unhandled rejection and the page said nothing.

const LOCKED = '资料已锁定，请先输入口令解锁 / profiles are locked: unlock them with your passphrase first';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The background as these pages see it: every message of `answers` gets that answer, the rest fails as locked. */
function background(answers: Partial<Record<MessageType, unknown>>) {
  fakeBrowser.runtime.onMessage.addListener(((message: { type: MessageType }) =>
    Promise.resolve(message.type in answers ? answers[message.type] : failure('locked', LOCKED))) as never);
}

const zhang = Owner.parse({ id: 'o-1', kind: 'person', name: '张三' });

describe('a refused delete', () => {
  it('keeps the record open and says why', async () => {
    background({ 'ruanzhu:owner-rows': { total: 1, rows: [ownerRow(zhang)] } });
    // happy-dom lays nothing out: the virtualised list needs a viewport to show its rows in.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    render(
      <RecordsTab<Owner, 'ruanzhu:owner-rows'>
        listLabel="owners"
        searchHint=""
        newLabel="new"
        fields={OWNER_FIELDS}
        rows="ruanzhu:owner-rows"
        open={async () => zhang}
        tags={async () => []}
        blank={() => zhang}
        save={async (o) => o}
        remove={() => Promise.reject(new MessageFailure(failure('locked', LOCKED)))}
        deleteMessage={async () => '删除张三？'}
        describe={(o) => ({ id: o.id, title: o.name })}
        title={(o) => o.name}
        check={() => []}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: '张三' }));
    fireEvent.click(await screen.findByRole('button', { name: '删除' }));
    const dialog = await screen.findByRole('alertdialog', { name: '删除张三？' });
    await act(async () => void fireEvent.click(dialog.querySelector('button.primary')!));
    expect(await screen.findByText(LOCKED)).toBeTruthy();
    expect(screen.getByRole('form', { name: '张三' })).toBeTruthy();
  });
});

describe('a refused spreadsheet import', () => {
  it('says why and keeps the table for another try', async () => {
    background({ 'ruanzhu:owners': [] });
    render(<SheetImport />);
    const file = new File(['姓名,身份证号码\n张三,110105199003072012\n'], 'clients.csv', { type: 'text/csv' });
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await act(async () => void fireEvent.change(input, { target: { files: [file] } }));
    const run = await screen.findByRole('button', { name: /导入 1/ });
    await act(async () => void fireEvent.click(run));
    expect(await screen.findByText(LOCKED)).toBeTruthy();
    expect(screen.getByRole('button', { name: /导入 1/ })).toBeTruthy();
  });
});

describe('the popup\'s undo on a tab that navigated away', () => {
  it('says the undo failed instead of nothing', async () => {
    history.replaceState(null, '', '/popup.html?tab=7');
    background({
      'ruanzhu:tab-state': { ownerId: 'o-1', lastFill: { page: 'ccopyright.r11.application', results: [{ key: 'work.version', status: 'filled', value: 'V1.0' }] } },
      'ruanzhu:owner-rows': { total: 1, rows: [ownerRow(zhang)] },
      'ruanzhu:owner': zhang,
      'ruanzhu:work-rows': { total: 0, rows: [] },
      'ruanzhu:count': { owners: 1, works: 0 },
      'ruanzhu:update-tab-state': {},
    });
    let undone = false;
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) => {
      if (message.type === 'ruanzhu:detect') return { site: 'ccopyright', page: 'ccopyright.r11.application', fields: [] };
      if (message.type === 'ruanzhu:check') return { findings: [] };
      undone = true;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    render(<Popup />);
    const undo = await screen.findByRole('button', { name: '撤销' });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    await act(async () => void fireEvent.click(undo));
    expect(undone).toBe(true);
    expect(await screen.findByText(/Receiving end does not exist/)).toBeTruthy();
  });
});

describe('the popup on the wizard\'s next step', () => {
  it('does not show the report of the step it filled before: it belongs to that page', async () => {
    history.replaceState(null, '', '/popup.html?tab=7');
    background({
      'ruanzhu:tab-state': { ownerId: 'o-1', lastFill: { page: 'ccopyright.r11.application', results: [{ key: 'work.version', status: 'filled', value: 'V1.0' }] } },
      'ruanzhu:owner-rows': { total: 1, rows: [ownerRow(zhang)] },
      'ruanzhu:owner': zhang,
      'ruanzhu:work-rows': { total: 0, rows: [] },
      'ruanzhu:count': { owners: 1, works: 0 },
    });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) =>
      message.type === 'ruanzhu:detect' ? { site: 'ccopyright', page: 'ccopyright.r11.development', fields: [] } : { findings: [] }) as never);
    render(<Popup />);
    await screen.findByText('R11 · 软件开发信息 / Development information');
    expect(screen.queryByRole('region', { name: '填写结果' })).toBeNull();
    expect((screen.getByRole('button', { name: '撤销' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
