import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { RecordEditor } from '@/components/RecordEditor';
import { RecordList, type RecordListItem } from '@/components/RecordList';
import type { FieldSpec } from '@/utils/schema/fields';
import type { ChoicesOf } from '@/utils/fields/choices';
import type { ChoiceTexts } from '@/components/ChoiceControls';
import type { Finding } from '@/utils/schema/finding';
import { t } from '@/utils/platform/i18n';
import { attempt } from '@/utils/ui/attempt';
import { useStore } from '@/utils/ui/store';
import { useRows, type RowOf, type RowsType } from '@/utils/ui/rows';

/** The words the choice controls need, in the page's language. */
const choiceTexts: ChoiceTexts = {
  notChoice: (value) => t('notPortalChoice', [value]),
  cleared: (value) => t('choiceCleared', [value]),
  capped: (max) => t('choicesCapped', [max]),
  other: t('otherLanguages'),
  remove: t('remove'),
};

/** A stored record; a draft not saved yet has the id ''. */
type Stored = { id: string; tags: string[] };

export interface RecordsTabConfig<T extends Stored, K extends RowsType> {
  listLabel: string;
  searchHint: string;
  newLabel: string;
  fields: readonly FieldSpec[];
  /** The store's rows of this kind: the list shows them page by page, newest first. */
  rows: K;
  /** The whole record, fetched when its row is opened. */
  open: (id: string) => Promise<T | null>;
  tags: () => Promise<string[]>;
  blank: () => T;
  save: (draft: T) => Promise<T>;
  remove: (record: T) => Promise<unknown>;
  deleteMessage: (record: T) => Promise<string>;
  describe: (row: RowOf<K>) => RecordListItem;
  /** The editor's title for a stored record. */
  title: (record: T) => string;
  check: (draft: T) => Finding[];
  /** Told the record open in the editor, or null (what its checks need is loaded only then). */
  onDraft?: (draft: T | null) => void;
  limits?: Partial<Record<string, number>>;
  /** The portal's choices per field (utils/ui/editor-choices.ts). */
  choices?: ChoicesOf<T>;
  renderSpecial?: (spec: FieldSpec, value: unknown, onChange: (v: unknown) => void) => ReactNode;
}

/** Search, list and edit one kind of record (owners or works). */
export function RecordsTab<T extends Stored, K extends RowsType>(config: RecordsTabConfig<T, K>) {
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const rows = useRows(config.rows, { text, tag: tag || undefined });
  const tags = useStore(config.tags, []) ?? [];
  const [selectedId, setSelectedId] = useState<string>();
  const selected = useStore(async () => (selectedId ? config.open(selectedId) : null), [selectedId]) ?? undefined;
  const [draft, setDraft] = useState<T | null>(null);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirm, setConfirm] = useState<{ record: T; message: string } | null>(null);

  // Load the chosen record into the form, unless the user is editing it.
  useEffect(() => {
    if (selected && selected.id === selectedId && !dirty) setDraft(selected);
  }, [selected, selectedId, dirty]);
  useEffect(() => config.onDraft?.(draft), [draft]);

  const edit = (next: T) => {
    setDraft(next);
    setDirty(true);
    setStatus(null);
  };
  const pick = (id: string) => {
    setSelectedId(id);
    setDirty(false);
    setStatus(null);
    setDraft(selected?.id === id ? selected : null);
  };
  const save = async () => {
    if (!draft) return;
    const saved = await attempt(() => config.save(draft));
    if (!saved.ok) return setStatus({ ok: false, text: saved.error });
    setSelectedId(saved.value.id);
    setDraft(saved.value);
    setDirty(false);
    setStatus({ ok: true, text: t('saved') });
  };
  const askDelete = async () => {
    if (!selected) return;
    const message = await attempt(() => config.deleteMessage(selected));
    if (message.ok) setConfirm({ record: selected, message: message.value });
    else setStatus({ ok: false, text: message.error });
  };
  const doDelete = async () => {
    if (!confirm) return;
    const removed = await attempt(() => config.remove(confirm.record));
    setConfirm(null);
    // A refused delete (a locked store) keeps the record open and says why.
    if (!removed.ok) return setStatus({ ok: false, text: removed.error });
    setSelectedId(undefined);
    setDraft(null);
    setDirty(false);
  };

  // ArrowDown in the search moves to the first match, as in a combobox: the list is a Tab or two further.
  const listId = useId();
  const toFirstMatch = (e: KeyboardEvent<HTMLInputElement>) => {
    const first = e.key === 'ArrowDown' && document.getElementById(listId)?.querySelector('button');
    if (!first) return;
    e.preventDefault();
    first.focus();
  };

  const findings = draft ? config.check(draft) : [];
  return (
    <div className="records">
      <aside>
        <label className="visually-hidden" htmlFor="record-search">{t('search')}</label>
        <input id="record-search" type="search" placeholder={config.searchHint} value={text} onChange={(e) => setText(e.target.value)} aria-controls={listId} onKeyDown={toFirstMatch} />
        <label className="visually-hidden" htmlFor="record-tag">{t('tagFilter')}</label>
        <select id="record-tag" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('allTags')}</option>
          {tags.map((x) => <option key={x} value={x}>{x}</option>)}
        </select>
        <button type="button" className="primary" onClick={() => { setSelectedId(undefined); setDraft(config.blank()); setDirty(true); setStatus(null); }}>
          {config.newLabel}
        </button>
        <RecordList
          id={listId}
          label={config.listLabel}
          total={rows.total}
          itemAt={(i) => {
            const row = rows.rowAt(i);
            return row && config.describe(row);
          }}
          onShow={rows.show}
          resetKey={rows.searched}
          selectedId={selectedId}
          onSelect={pick}
          emptyText={t('noRecords')}
          loadingText={t('loading')}
        />
      </aside>
      <section aria-live="polite">
        {draft ? (
          <RecordEditor
            // A record of its own: notes about cleared choices belong to the record they were made in.
            key={draft.id || 'new'}
            title={draft.id ? config.title(draft) : config.newLabel}
            fields={config.fields}
            draft={draft}
            onChange={edit}
            findings={findings}
            limits={config.limits}
            renderSpecial={config.renderSpecial}
            choices={config.choices}
            choiceTexts={choiceTexts}
            actions={
              <>
                <button type="button" className="primary" onClick={save} disabled={!dirty}>{t('save')}</button>
                {draft.id && <button type="button" className="danger" onClick={askDelete}>{t('delete')}</button>}
                {dirty && <span className="muted">{t('unsaved')}</span>}
                {status && <span role="status" className={status.ok ? 'status' : 'msg error'}>{status.text}</span>}
              </>
            }
          />
        ) : (
          <p className="muted">{t('selectToEdit')}</p>
        )}
      </section>
      <ConfirmDialog
        open={!!confirm}
        message={confirm?.message ?? ''}
        confirmLabel={t('delete')}
        cancelLabel={t('cancel')}
        onConfirm={doDelete}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}
