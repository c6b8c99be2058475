import { describe, expect, it } from 'vitest';
import { scoreFill, summary } from '../accuracy/score.mjs';

// The judge of the accuracy runs must tell a miss (the page left as it was) from a wrong fill
// (anything else), and count a touched button or a changed path nobody should fill as wrong.
describe('scoreFill', () => {
  const expectation = {
    fields: [
      { key: 'work.fullName', path: 'a.name', value: '云帆', expect: 'fill' },
      { key: 'work.version', path: 'a.version', value: 'V1.0', expect: 'fill' },
      { key: 'owners.0.name', path: 'a.owner', value: '北京云帆', expect: 'locked' },
    ],
    untouched: ['a.english'],
  };
  const pristine = { a: { name: '', version: '', owner: '北京云帆', english: '' } };

  it('a correct fill is all right', () => {
    const s = scoreFill(expectation, pristine, { a: { name: '云帆', version: 'V1.0', owner: '北京云帆', english: '' } });
    expect(s).toMatchObject({ right: 3, total: 3, filled: 2, toFill: 2, misses: [], wrong: [] });
  });

  it('a field left as it was is a miss; a field changed to another value is wrong', () => {
    const s = scoreFill(expectation, pristine, { a: { name: '', version: 'V2.0', owner: '北京云帆', english: '' } });
    expect(s.misses.map((m) => m.key)).toEqual(['work.fullName']);
    expect(s.wrong.map((m) => m.key)).toEqual(['work.version']);
    expect(s.right).toBe(1);
  });

  it('a locked value changed, an untouched path filled, a click: all wrong', () => {
    const s = scoreFill(expectation, pristine, { a: { name: '云帆', version: 'V1.0', owner: 'x', english: 'CRM' } }, { clicks: ['保存'], uploads: [] });
    expect(s.wrong.map((m) => m.key ?? m.path)).toEqual(['owners.0.name', 'a.english', 'clicks']);
  });

  it('prints the share of fields right, the fields to fill and the wrong fills', () => {
    expect(summary('held-out', { right: 99, total: 100, filled: 60, toFill: 61, wrong: 0 })).toBe('held-out fill accuracy 99.0% (99/100), wrong fills 0; filled 60 of 61 to fill');
  });
});
