import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OwnerPicker } from '@/components/OwnerPicker';

const TEXTS = { add: '添加著作权人', search: '搜索著作权人', moveUp: '上移', remove: '移除', first: '第一著作权人', unnamed: '未命名' };
const NAMES: Record<string, string> = { 'o-1': '张三', 'o-2': '北京云帆科技有限公司' };

afterEach(cleanup);

describe('OwnerPicker', () => {
  it('offers the matches not chosen yet, asks for matches as one types, and adds the one chosen', () => {
    const onSearch = vi.fn();
    const onChange = vi.fn();
    render(
      <OwnerPicker
        label="著作权人"
        nameOf={(id) => NAMES[id] ?? ''}
        candidates={[{ id: 'o-1', name: '张三' }, { id: 'o-3', name: '李四' }]}
        search=""
        onSearch={onSearch}
        value={['o-2', 'o-1']}
        onChange={onChange}
        texts={TEXTS}
      />,
    );
    const chosen = within(screen.getByRole('list', { name: '著作权人' })).getAllByRole('listitem');
    expect(chosen.map((li) => li.querySelector('span')!.textContent)).toEqual(['北京云帆科技有限公司', '张三']);
    const add = screen.getByRole('combobox', { name: '添加著作权人' }) as HTMLSelectElement;
    expect([...add.options].map((o) => o.textContent)).toEqual(['添加著作权人 …', '李四']);
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索著作权人' }), { target: { value: '李' } });
    expect(onSearch).toHaveBeenCalledWith('李');
    fireEvent.change(add, { target: { value: 'o-3' } });
    expect(onChange).toHaveBeenCalledWith(['o-2', 'o-1', 'o-3']);
    fireEvent.click(screen.getByRole('button', { name: '上移 张三' }));
    expect(onChange).toHaveBeenLastCalledWith(['o-1', 'o-2']);
  });
});
