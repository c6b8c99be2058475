import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FillSession } from '@/utils/content/fill/session';
import { matchPage } from '@/utils/content/fill/page-match';
import { PlanResponse } from '@/utils/contract/messages';
import { adapterFor, type PageKind } from '@/utils/pages/registry';
import { scopeValues } from '@/utils/pages/scope';
import { at, page } from '../replicas/load';
import { byKey, drive, freshPage, gen, mountVariant, useStyles, valuesFor } from './hd';

// The plan before a fill (ruanzhu:plan) against the fill itself, on the center's canonical R11
// steps: it says fill exactly where the fill then fills, writes nothing, and a key the user
// unticks is never driven.

beforeEach(() => {
  freshPage();
  useStyles();
});
afterEach(() => vi.useRealTimers());

const KINDS: PageKind[] = ['ccopyright.r11.application', 'ccopyright.r11.development', 'ccopyright.r11.features'];

async function mounted(kind: PageKind) {
  const v = gen.canonical(kind);
  await mountVariant(v);
  const { raw, values } = valuesFor(v.suggested.workId, v.suggested.ownerId);
  return { v, raw, values: scopeValues(kind, values), adapter: adapterFor(kind)! };
}

describe('the plan and the fill agree', () => {
  it.each(KINDS)('%s: plan fill ⇔ filled, nothing written by the plan, a why for every matched field naming the matcher\'s signal', async (kind) => {
    const { values, adapter } = await mounted(kind);
    const session = new FillSession(document);
    const before = JSON.stringify(page().__model);
    // What the matcher saw before anything was written: the signals each control offered.
    const { col, matches } = matchPage(document, adapter);
    const plan = session.plan(adapter, values);
    expect(PlanResponse.parse({ page: kind, fields: plan }).fields).toEqual(plan);
    expect(JSON.stringify(page().__model)).toBe(before);
    expect(plan.filter((f) => f.action === 'fill').length).toBeGreaterThan(3);

    const reports = byKey(await drive(session.fill(kind, adapter, values)));
    const planned = byKey(plan);
    const disagree = [...new Set([...Object.keys(planned), ...Object.keys(reports)])].filter((k) => (planned[k]?.action === 'fill') !== (reports[k]?.status === 'filled'));
    expect(disagree).toEqual([]);

    for (const f of plan.filter((f) => f.action === 'fill')) {
      expect(f.from, f.key).toBeDefined();
      expect(f.value, f.key).toBe(reports[f.key].value ?? f.value);
    }
    const matched = new Map(matches.flatMap((m) => (m.status === 'matched' ? [[m.key, m] as const] : [])));
    for (const r of Object.values(reports).filter((r) => r.status !== 'not-found' && r.status !== 'no-value' && r.status !== 'ambiguous')) {
      expect(r.why, r.key).toBeDefined();
      const m = matched.get(r.key);
      if (!m || (r.why!.match !== 'rule' && r.why!.match !== 'words')) continue;
      const why = r.why!;
      expect(why, r.key).toEqual(m.why);
      expect(col.controls[m.ref].signals.some((s) => s.source === why.source && s.text.startsWith(why.text)), r.key).toBe(true);
    }
  });
});

describe('a key the user unticked', () => {
  it('is never driven: its model value untouched, reported skipped, the others filled', async () => {
    const { v, raw, values, adapter } = await mounted('ccopyright.r11.application');
    const session = new FillSession(document);
    const pristine = JSON.parse(JSON.stringify(page().__model));
    const fills = session.plan(adapter, values).filter((f) => f.action === 'fill');
    const skipped = fills.find((f) => f.key === 'work.version')!;
    expect(skipped).toBeDefined();

    const reports = byKey(await drive(session.fill('ccopyright.r11.application', adapter, values, { skip: [skipped.key] })));
    await vi.advanceTimersByTimeAsync(500);
    expect(reports[skipped.key]).toMatchObject({ status: 'skipped' });
    expect(reports[skipped.key].value).toBeUndefined();
    const fields = gen.expected(v, raw).fields;
    const path = fields.find((f) => f.key === skipped.key)!.path;
    expect(at(page().__model, path)).toEqual(at(pristine, path));
    for (const f of fills.filter((f) => f !== skipped)) expect(reports[f.key]?.status, f.key).toBe('filled');
  });
});
