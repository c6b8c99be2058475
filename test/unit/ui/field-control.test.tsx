import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FieldControl } from '@/components/FieldControl';
import type { FieldSpec } from '@/utils/schema/fields';

const TAGS: FieldSpec = { key: 'tags', zh: '标签', en: 'Tags', input: 'tags' };

/** The editor's way of holding a field: the parent keeps the parsed value and renders it again. */
function Harness({ onValue }: { onValue: (v: unknown) => void }) {
  const [value, setValue] = useState<unknown>([]);
  return (
    <FieldControl
      spec={TAGS}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

afterEach(cleanup);

describe('FieldControl: tags', () => {
  it('keeps the separator as it is typed, so a second tag can follow', () => {
    let last: unknown;
    render(<Harness onValue={(v) => (last = v)} />);
    const input = screen.getByLabelText(/标签/) as HTMLInputElement;
    act(() => void fireEvent.change(input, { target: { value: '重点客户，' } }));
    expect(input.value).toBe('重点客户，');
    expect(last).toEqual(['重点客户']);
    act(() => void fireEvent.change(input, { target: { value: '重点客户，北京' } }));
    expect(input.value).toBe('重点客户，北京');
    expect(last).toEqual(['重点客户', '北京']);
  });

  it('shows a value set from outside (another record chosen)', () => {
    const { rerender } = render(<FieldControl spec={TAGS} value={['甲']} onChange={() => undefined} />);
    rerender(<FieldControl spec={TAGS} value={['乙', '丙']} onChange={() => undefined} />);
    expect((screen.getByLabelText(/标签/) as HTMLInputElement).value).toBe('乙，丙');
  });
});
