import { useState } from 'react';
import { FindingList } from '@/components/FindingList';
import { OwnerPicker } from '@/components/OwnerPicker';
import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { WORK_FIELDS } from '@/utils/schema/fields';
import { Work } from '@/utils/schema/work';
import { checkRealNameRequired } from '@/utils/rules/consistency';
import { checkWork } from '@/utils/rules/work';
import { FIELD_LIMITS } from '@/utils/rules/limits';
import { t } from '@/utils/platform/i18n';
import { RecordsTab } from './RecordsTab';
import { SEVERITY_TEXT } from '@/utils/ui/severity';

const COUNTED = Object.fromEntries(Object.entries(FIELD_LIMITS).map(([key, limit]) => [key, limit.max]));

const workTitle = (w: { fullName: string; version: string }) => [w.fullName || t('unnamed'), w.version].filter(Boolean).join(' ');

export function WorksTab() {
  // Every owner, for the owner picker and the checks: only while a work is edited.
  const [editing, setEditing] = useState(false);
  // Null until they are here: the checks wait for them rather than report every owner missing.
  const owners = useStore(async () => (editing ? toBackground('ruanzhu:owners') : null), [editing]) ?? null;
  return (
    <RecordsTab<Work, 'ruanzhu:work-rows'>
      listLabel={t('tabWorks')}
      searchHint={t('searchWorksHint')}
      newLabel={t('newWork')}
      fields={WORK_FIELDS}
      rows="ruanzhu:work-rows"
      open={(id) => toBackground('ruanzhu:work', { id })}
      tags={async () => (await toBackground('ruanzhu:tags')).works}
      blank={() => ({ ...Work.parse({ id: 'new' }), id: '' })}
      save={(record) => toBackground('ruanzhu:save-work', { record })}
      remove={(w) => toBackground('ruanzhu:delete-work', { id: w.id })}
      deleteMessage={async (w) => t('confirmDeleteWork', [w.fullName || t('unnamed')])}
      describe={(w) => ({ id: w.id, title: workTitle(w), subtitle: w.ownerNames.filter(Boolean).join('、'), tags: w.tags })}
      title={workTitle}
      onEditing={setEditing}
      check={(draft) => (owners ? checkWork(draft, owners.filter((o) => draft.ownerIds.includes(o.id))) : [])}
      limits={COUNTED}
      renderSpecial={(spec, value, onChange) =>
        spec.input === 'owners' ? (
          <>
            <OwnerPicker
              label={`${spec.zh} ${spec.en}`}
              owners={owners ?? []}
              value={(value as string[]) ?? []}
              onChange={onChange}
              texts={{ add: t('addOwner'), moveUp: t('moveUp'), remove: t('remove'), first: t('firstOwner'), unnamed: t('unnamed') }}
            />
            {/* realname.required: every owner of the work, co-owners included, must be authenticated. */}
            {owners && <FindingList findings={checkRealNameRequired({ ownerIds: (value as string[]) ?? [] } as Work, owners)} severityText={SEVERITY_TEXT} />}
          </>
        ) : undefined
      }
    />
  );
}
