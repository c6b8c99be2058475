/** A new record id: `o-<uuid>` for an owner, `w-<uuid>` for a work. */
export const newId = (prefix: 'o' | 'w') => `${prefix}-${crypto.randomUUID()}`;
