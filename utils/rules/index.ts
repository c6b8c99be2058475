/**
 * The readiness checks (docs/RULES.md): pure functions over profiles, works, photos and material PDFs
 * that return findings `{ rule, severity, key?, message }` with a "中文 / English" message. The
 * catalogue `RULES` lists every rule id implemented here.
 */
export * from './catalogue';
export * from './finding';
export * from './identity';
export * from './owner';
export * from './limits';
export * from './work';
export * from './consistency';
export * from './photo';
export * from './materials';
export * from './filing';
