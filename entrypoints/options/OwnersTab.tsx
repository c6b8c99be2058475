import { useState } from 'react';
import { sharedAccountFindings } from '@/utils/findings/accounts';
import { toBackground } from '@/utils/platform/messaging';
import { useStore } from '@/utils/ui/store';
import { OWNER_FIELDS } from '@/utils/schema/fields';
import { Owner } from '@/utils/schema/owner';
import { checkOwner } from '@/utils/rules/owner';
import { t } from '@/utils/platform/i18n';
import { OWNER_CHOICES } from '@/utils/ui/editor-choices';
import { RecordsTab } from './RecordsTab';

export function OwnersTab() {
  // Every owner, for the one-account-per-phone/email check across profiles: only while one is edited.
  const [editing, setEditing] = useState(false);
  // Null until they are here: the check waits for them rather than find nothing.
  const owners = useStore(async () => (editing ? toBackground('ruanzhu:owners') : null), [editing]) ?? null;
  return (
    <RecordsTab<Owner, 'ruanzhu:owner-rows'>
      listLabel={t('tabOwners')}
      searchHint={t('searchOwnersHint')}
      newLabel={t('newOwner')}
      fields={OWNER_FIELDS}
      choices={OWNER_CHOICES}
      rows="ruanzhu:owner-rows"
      open={(id) => toBackground('ruanzhu:owner', { id })}
      tags={async () => (await toBackground('ruanzhu:tags')).owners}
      blank={() => ({ ...Owner.parse({ id: 'new', kind: 'person' }), id: '' })}
      save={(record) => toBackground('ruanzhu:save-owner', { record })}
      remove={(o) => toBackground('ruanzhu:delete-owner', { id: o.id })}
      deleteMessage={async (o) => t('confirmDeleteOwner', [o.name || t('unnamed'), await toBackground('ruanzhu:linked-works', { ownerId: o.id })])}
      describe={(o) => ({ id: o.id, title: o.name || t('unnamed'), subtitle: [o.category, o.idNumber].filter(Boolean).join(' · '), tags: o.tags })}
      title={(o) => o.name || t('unnamed')}
      check={(draft) => [...checkOwner(draft), ...(owners ? sharedAccountFindings(draft, owners) : [])]}
      onDraft={(draft) => setEditing(draft !== null)}
    />
  );
}
