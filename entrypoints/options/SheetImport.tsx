import { useMemo, useState } from 'react';
import { DataErrorList } from '@/components/DataErrorList';
import { makeBundle } from '@/utils/schema/bundle';
import { toBackground } from '@/utils/platform/messaging';
import { newId } from '@/utils/schema/ids';
import { attempt } from '@/utils/ui/attempt';
import { guessMapping, MAPPABLE_OWNER_FIELDS, rowsToOwners, type ColumnMapping } from '@/utils/ui/spreadsheet/owner-mapping';
import { readTable, type Table } from '@/utils/ui/spreadsheet/table';
import type { Owner } from '@/utils/schema/owner';
import { FilePicker } from '@/components/FilePicker';
import { t } from '@/utils/platform/i18n';

/** Owners from a CSV/XLSX: choose the file, map columns, see the preview and errors, import. */
export function SheetImport() {
  const [table, setTable] = useState<Table | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [existing, setExisting] = useState<Owner[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    try {
      const next = await readTable(file);
      setExisting(await toBackground('ruanzhu:owners'));
      setTable(next);
      setMapping(guessMapping(next.headers));
    } catch (e) {
      setTable(null);
      setMessage({ ok: false, text: (e as Error).message });
    }
  };

  // Ids are drawn once per table and mapping, so the preview and the import agree.
  const mapped = useMemo(() => (table ? rowsToOwners(table, mapping, existing, () => newId('o')) : null), [table, mapping, existing]);

  const runImport = async () => {
    if (!mapped || mapped.errors.length) return;
    const answer = await attempt(() => toBackground('ruanzhu:import', { bundle: makeBundle(mapped.owners, []) }));
    // A locked store or a storage failure: said, and the table stays for another try.
    if (!answer.ok) return setMessage({ ok: false, text: answer.error });
    const r = answer.value;
    if (r.ok) {
      setTable(null);
      setMessage({ ok: true, text: t('importOk', [r.owners, 0, r.created, r.updated]) });
    } else setMessage({ ok: false, text: r.errors.map((e) => e.message).join('\n') });
  };

  return (
    <section>
      <h2><label htmlFor="sheet-file">{t('importSheet')}</label></h2>
      <FilePicker id="sheet-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onFile={(file) => void choose(file)} />
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status' : 'msg error'}>{message.text}</p>}
      {table && mapped && (
        <>
          <h3>{t('mapColumns')}</h3>
          <table>
            <tbody>
              {MAPPABLE_OWNER_FIELDS.map((f) => (
                <tr key={f.key}>
                  <th scope="row"><label htmlFor={`map-${f.key}`}>{f.zh} <span className="muted">{f.en}</span></label></th>
                  <td>
                    <select
                      id={`map-${f.key}`}
                      value={mapping[f.key] ?? ''}
                      onChange={(e) => setMapping({ ...mapping, [f.key]: e.target.value === '' ? undefined : Number(e.target.value) })}
                    >
                      <option value="">{t('notMapped')}</option>
                      {table.headers.map((h, i) => <option key={i} value={i}>{h}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('preview')}</h3>
          <table aria-label={t('preview')}>
            <thead>
              <tr>{['kind', 'name', 'idNumber', 'phone', 'email'].map((k) => <th key={k}>{MAPPABLE_OWNER_FIELDS.find((f) => f.key === k)?.zh}</th>)}</tr>
            </thead>
            <tbody>
              {mapped.owners.slice(0, 10).map((o) => (
                <tr key={o.id}>
                  <td>{o.kind}</td><td>{o.name}</td><td>{o.idNumber}</td><td>{o.phone}</td><td>{o.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {mapped.updates > 0 && <p className="muted">{t('rowsUpdate', [mapped.updates])}</p>}
          {mapped.errors.length > 0 && <DataErrorList title={t('rowErrors')} errors={mapped.errors} />}
          <p>
            <button type="button" className="primary" disabled={mapped.errors.length > 0 || mapped.owners.length === 0} onClick={runImport}>
              {t('importRows', [mapped.owners.length])}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
