import { getDb } from '@/utils/storage/db';
import { deleteOwner, listOwners, listTags, saveOwner } from '@/utils/storage/repository';
import { OWNER_FIELDS } from '@/utils/schema/fields';
import { Owner } from '@/utils/schema/owner';
import { checkOwner } from '@/utils/rules/owner';
import { t } from '@/utils/i18n';
import { RecordsTab } from './RecordsTab';

export function OwnersTab() {
  const db = getDb();
  return (
    <RecordsTab<Owner>
      listLabel={t('tabOwners')}
      searchHint={t('searchOwnersHint')}
      newLabel={t('newOwner')}
      fields={OWNER_FIELDS}
      list={(q) => listOwners(db, q)}
      tags={async () => (await listTags(db)).owners}
      blank={() => ({ ...Owner.parse({ id: 'new', kind: 'person' }), id: '' })}
      save={(draft) => saveOwner(db, draft)}
      remove={(o) => deleteOwner(db, o.id)}
      deleteMessage={async (o) => t('confirmDeleteOwner', [o.name || t('unnamed'), await db.works.where('ownerIds').equals(o.id).count()])}
      describe={(o) => ({ id: o.id, title: o.name || t('unnamed'), subtitle: [o.category, o.idNumber].filter(Boolean).join(' · '), tags: o.tags })}
      check={checkOwner}
    />
  );
}
