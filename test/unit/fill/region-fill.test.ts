import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FillSession } from '@/utils/content/fill/session';
import type { PlanValues } from '@/utils/contract/messages';
import { citiesOf, PROVINCES } from '@/utils/fields/regions';
import { adapterFor } from '@/utils/pages/registry';
import { scopeValues } from '@/utils/pages/scope';
import { at, page } from '../replicas/load';
import { drive, freshPage, gen, mountVariant, useStyles, valuesFor } from './hd';

// What the owner editor's region picker stores (full names from GB/T 2260: 江苏省 / 常州市) fills the
// center's cascader, whose labels are short names (江苏 / 常州, 北京 / 北京).

beforeEach(() => {
  freshPage();
  useStyles();
});
afterEach(() => vi.useRealTimers());

const KIND = 'ccopyright.r11.development';

/** Seed 9 (我是代理人, editable owner rows), its first row's owner moved to the picked region. */
async function fillRegion(province: string, city: string) {
  expect(PROVINCES).toContain(province);
  expect(citiesOf(province)).toContain(city);
  const v = gen.generate(KIND, 9);
  await mountVariant(v);
  const { values } = valuesFor(v.suggested.workId, v.suggested.ownerId);
  const first = values.work!.ownerIds[0];
  const moved = (o: PlanValues['owner']) => (o && o.id === first ? { ...o, province, city } : o);
  const edited: PlanValues = { ...values, owner: moved(values.owner), coOwners: values.coOwners.map((o) => moved(o)!) };
  const reports = await drive(new FillSession(document).fill(KIND, adapterFor(KIND)!, scopeValues(KIND, edited)));
  await vi.advanceTimersByTimeAsync(500);
  const row = (at(page().__model, 'development.zzqrList') as Record<string, string>[])[0];
  const label = document.querySelector('.formGroup-item .hd-cascader > .label')?.textContent;
  return { row, label, report: reports.find((r) => r.key === 'owners.0.province') };
}

describe('the region picker\'s full names fill the cascader\'s short ones', () => {
  it('江苏省 / 常州市 → 江苏 / 常州', async () => {
    const { row, label, report } = await fillRegion('江苏省', '常州市');
    expect(report).toMatchObject({ status: 'filled' });
    expect(row).toMatchObject({ sf: '320000', cs: '320400' });
    expect(label).toBe('江苏 / 常州');
  });

  it('北京市 / 北京市 → 北京 / 北京', async () => {
    const { row, label, report } = await fillRegion('北京市', '北京市');
    expect(report).toMatchObject({ status: 'filled' });
    expect(row).toMatchObject({ sf: '110000', cs: '110100' });
    expect(label).toBe('北京 / 北京');
  });
});
