import { useState } from 'react';
import { FindingList } from '@/components/FindingList';
import { OwnerPicker } from '@/components/OwnerPicker';
import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { PAGE_SIZE, useRows } from '@/utils/ui/rows';
import { WORK_FIELDS, type FieldSpec } from '@/utils/schema/fields';
import type { Owner } from '@/utils/schema/owner';
import { Work } from '@/utils/schema/work';
import { checkRealNameRequired } from '@/utils/rules/consistency';
import { checkWork } from '@/utils/rules/work';
import { FIELD_LIMITS } from '@/utils/rules/limits';
import { t } from '@/utils/platform/i18n';
import { WORK_CHOICES } from '@/utils/ui/editor-choices';
import { RecordsTab } from './RecordsTab';
import { SEVERITY_TEXT } from '@/utils/ui/severity';

const COUNTED = Object.fromEntries(Object.entries(FIELD_LIMITS).map(([key, limit]) => [key, limit.max]));

const workTitle = (w: { fullName: string; version: string }) => [w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ');

/** The owners a work names, as stored, with the ids they are for: checks use them only once they match the draft. */
type NamedOwners = { ids: string; owners: Owner[] };

export function WorksTab() {
  // The open work's owners, for its checks and the picker's names: fetched by id, not all 10 000.
  const [ownerIds, setOwnerIds] = useState<string[] | null>(null);
  const ids = ownerIds?.join('\n') ?? null;
  const named = useStore(async (): Promise<NamedOwners | null> => {
    if (ids === null) return null;
    const found = await Promise.all((ownerIds ?? []).map((id) => toBackground('ruanzhu:owner', { id })));
    return { ids, owners: found.filter((o) => o !== null) };
  }, [ids]);
  const owners = named && named.ids === ids ? named.owners : null;
  return (
    <RecordsTab<Work, 'ruanzhu:work-rows'>
      listLabel={t('tabWorks')}
      searchHint={t('searchWorksHint')}
      newLabel={t('newWork')}
      fields={WORK_FIELDS}
      choices={WORK_CHOICES}
      rows="ruanzhu:work-rows"
      open={(id) => toBackground('ruanzhu:work', { id })}
      tags={async () => (await toBackground('ruanzhu:tags')).works}
      blank={() => ({ ...Work.parse({ id: 'new' }), id: '' })}
      save={(record) => toBackground('ruanzhu:save-work', { record })}
      remove={(w) => toBackground('ruanzhu:delete-work', { id: w.id })}
      deleteMessage={async (w) => t('confirmDeleteWork', [w.fullName || t('unnamed')])}
      describe={(w) => ({ id: w.id, title: workTitle(w), subtitle: w.ownerNames.filter(Boolean).join('、'), tags: w.tags })}
      title={workTitle}
      onDraft={(draft) => setOwnerIds(draft?.ownerIds ?? null)}
      // Until the owners named are here the checks wait, rather than report them missing.
      check={(draft) => (owners ? checkWork(draft, owners) : [])}
      limits={COUNTED}
      renderSpecial={(spec, value, onChange) =>
        spec.input === 'owners' ? (
          <>
            <WorkOwners spec={spec} value={(value as string[]) ?? []} onChange={onChange} owners={owners} />
            {/* realname.required: every owner of the work, co-owners included, must be authenticated. */}
            {owners && <FindingList findings={checkRealNameRequired({ ownerIds: (value as string[]) ?? [] } as Work, owners)} severityText={SEVERITY_TEXT} />}
          </>
        ) : undefined
      }
    />
  );
}

/** The work's owners: the picker offers the owners matching what is typed, a page at a time. */
function WorkOwners({ spec, value, onChange, owners }: { spec: FieldSpec; value: string[]; onChange: (ids: string[]) => void; owners: Owner[] | null }) {
  const [search, setSearch] = useState('');
  const matches = useRows('ruanzhu:owner-rows', { text: search });
  const candidates = Array.from({ length: Math.min(matches.total ?? 0, PAGE_SIZE) }, (_, i) => matches.rowAt(i)).filter((o) => o !== undefined);
  return (
    <OwnerPicker
      label={`${spec.zh} ${spec.en}`}
      nameOf={(id) => owners?.find((o) => o.id === id)?.name ?? candidates.find((o) => o.id === id)?.name ?? ''}
      candidates={candidates}
      search={search}
      onSearch={setSearch}
      value={value}
      onChange={onChange}
      texts={{ add: t('addOwner'), search: t('searchOwnersHint'), moveUp: t('moveUp'), remove: t('remove'), first: t('firstOwner'), unnamed: t('unnamed') }}
    />
  );
}
