import { sharedAccountFindings } from '@/utils/findings/accounts';
import { store, orThrow, useStore } from '@/utils/ui/store';
import { OWNER_FIELDS } from '@/utils/schema/fields';
import { Owner } from '@/utils/schema/owner';
import { checkOwner } from '@/utils/rules/owner';
import { t } from '@/utils/platform/i18n';
import { RecordsTab } from './RecordsTab';

export function OwnersTab() {
  // Every owner, for the one-account-per-phone/email check across profiles.
  const owners = useStore(() => store.owners(), []) ?? [];
  return (
    <RecordsTab<Owner>
      listLabel={t('tabOwners')}
      searchHint={t('searchOwnersHint')}
      newLabel={t('newOwner')}
      fields={OWNER_FIELDS}
      list={store.owners}
      tags={async () => (await store.tags()).owners}
      blank={() => ({ ...Owner.parse({ id: 'new', kind: 'person' }), id: '' })}
      save={(draft) => orThrow(store.saveOwner(draft))}
      remove={(o) => orThrow(store.deleteOwner(o.id))}
      deleteMessage={async (o) => t('confirmDeleteOwner', [o.name || t('unnamed'), await store.linkedWorks(o.id)])}
      describe={(o) => ({ id: o.id, title: o.name || t('unnamed'), subtitle: [o.category, o.idNumber].filter(Boolean).join(' · '), tags: o.tags })}
      check={(draft) => [...checkOwner(draft), ...sharedAccountFindings(draft, owners)]}
    />
  );
}
