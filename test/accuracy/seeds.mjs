// The variant seeds of the accuracy runs. The engine is developed against DEV_SEEDS (npm run
// accuracy); HELD_OUT_SEEDS judge it in npm test and are never looked at to tune anything
// (docs/FILLING.md, "Generalising, not fitting"). The two ranges never meet.

/** The center's kinds a profile fills. */
export const FILLED_KINDS = [
  'ccopyright.login',
  'ccopyright.register',
  'ccopyright.realname.person',
  'ccopyright.realname.org',
  'ccopyright.r11.application',
  'ccopyright.r11.development',
  'ccopyright.r11.features',
  'ccopyright.r11.confirm',
];

const range = (from, count) => Array.from({ length: count }, (_, i) => from + i);
export const DEV_SEEDS = range(1, 40);
/** 25 per kind: 200 variants. */
export const HELD_OUT_SEEDS = range(900001, 25);

/** The console's kind a profile fills, and its held-out seeds: 50 variants. */
export const CONSOLE_FILLED_KINDS = ['aliyun.apply'];
export const CONSOLE_HELD_OUT_SEEDS = range(900001, 50);
