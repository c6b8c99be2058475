import type { ControlKind } from '@/utils/fields/catalogue';

/*
 * The component libraries the portals are built with, as data (docs/PORTALS.md "Components"):
 * how to recognise each kind of control, where its parts are, what shows its state. The collector
 * and the drivers read these tables; a library the portal switches to is a new row, not new code.
 * Class names are hints the evidence gives; meaning (labels, placeholders, option texts) decides
 * which field a control is.
 */

/** Elements with a class ending in `name`, whatever the library's prefix (next-form-item, ant-form-item, the app's own). */
export const classEnding = (name: string): string => `[class$="${name}"], [class*="${name} "]`;

/** The table a cell belongs to: a component that splits head and body into two <table>s (a fixed header) is one table. */
export const tableOf = (cell: Element): Element | null => cell.closest(classEnding('-table')) ?? cell.closest('table');

export interface SelectFamily {
  name: string;
  root: string;
  /** What a user clicks to open (and, for a toggle, to close) the list; empty: the root itself. */
  trigger: string;
  /** Where the chosen option's text shows; absent (Fusion's `em` while empty) or showing its placeholder means no value. */
  shown: string;
  /** What shows that the control holds no value but its placeholder. */
  placeholder?: string;
  /** The open list: inside the component, or in <body> while open. */
  list: string;
  option: string;
  /** An option that cannot be chosen. */
  disabledOption: string;
  /** Text a list shows while its options load, and when it has none. */
  loading: RegExp;
  empty: RegExp;
  clear?: string;
}

export interface CascaderFamily {
  name: string;
  root: string;
  /** Empty: the root itself. */
  trigger: string;
  /** The shown path ("江苏 / 常州"); the placeholder, a missing shown element or a disabled root means no value. */
  shown: string;
  placeholder?: string;
  /** The open panel (inside the component, or in <body> while open) and its lists, one per level in order. */
  dropdown: string;
  level: string;
  item: string;
  separator: RegExp;
}

interface CalendarBase {
  name: string;
  root: string;
  /** The input that shows the chosen day. */
  input: string;
  /** The control's own clear icon. */
  clear: string;
}
/** A read-only input whose calendar is driven: the month brought into view by its menus or arrows, the day clicked by its grid place. */
export interface MenuCalendar extends CalendarBase {
  how: 'calendar';
  /** The panel, and what marks it open (it may stay mounted while closed). */
  panel: string;
  open: string;
  /** The year and month menus (items carry `value`), their shown texts, and the arrows (year, month). */
  yearText: string;
  monthText: string;
  yearItem: string;
  monthItem: string;
  prev: string;
  next: string;
  /** The day cells: a 6×7 grid from Sunday (or Monday, as its header says), neighbour months' days included. */
  cells: string;
}
/** A read-only trigger whose popup has a text input that commits on Enter or blur (Fusion's DatePicker). */
export interface PanelInputCalendar extends CalendarBase {
  how: 'panel-input';
  trigger: string;
  /** The popup (in <body> while open) and its input. */
  popup: string;
  popupInput: string;
}
/** An editable input that commits its text on Enter only (Fusion's DatePicker2). */
export interface TypedCalendar extends CalendarBase {
  how: 'typed';
}
export type CalendarFamily = MenuCalendar | PanelInputCalendar | TypedCalendar;

export interface GroupFamily {
  name: string;
  root: string;
  item: string;
  /** An item's shown text (empty: the item's own), and what says it is on (besides a checked native input inside). */
  text: string;
  checked: string;
  /** A link inside the group that shows options held back (展开更多). */
  more?: string;
}

export interface Families {
  selects: readonly SelectFamily[];
  cascaders: readonly CascaderFamily[];
  calendars: readonly CalendarFamily[];
  radios: readonly GroupFamily[];
  checks: readonly GroupFamily[];
  /** Every composite root, by kind: inputs inside them belong to them. */
  composites: readonly (readonly [ControlKind, string])[];
  anyComposite: string;
}

/** The center's own Vue-2 hd-* library (docs/PORTALS.md, register.ccopyright.com.cn "Components"). */
const CENTER: Omit<Families, 'composites' | 'anyComposite'> = {
  selects: [
    {
      // Options inside the component (in <body> while open, in the older layout), loaded late; the box toggles.
      name: 'hd',
      root: '.hd-select',
      trigger: ':scope > .box',
      shown: ':scope > .box',
      placeholder: ':scope > .box.placeholder',
      list: '.dropdown',
      option: '.hd-option',
      disabledOption: '.is-disabled, [aria-disabled="true"]',
      loading: /加载中|loading/i,
      empty: /^(无数据|暂无数据|无匹配数据)$/,
    },
  ],
  cascaders: [
    {
      name: 'hd',
      root: '.hd-cascader',
      trigger: ':scope > .label',
      shown: ':scope > .label',
      placeholder: ':scope > .label.placeholder',
      dropdown: '.dropdown',
      level: 'ul.hd-cascader-menu',
      item: 'li.hd-cascader-item',
      separator: /\s*\/\s*/,
    },
  ],
  calendars: [
    {
      name: 'hd',
      how: 'calendar',
      root: '.datePicker',
      input: '.datepicker-input input',
      panel: '.datepicker-main',
      open: '.datepicker-main.open',
      yearText: '.datePickerSelect-year .datePickerSelectText, .datePickerSelect:first-of-type .datePickerSelectText',
      monthText: '.datePickerSelect-month .datePickerSelectText, .datePickerSelect:last-of-type .datePickerSelectText',
      yearItem: '.datePickerSelect-year .menu, .datePickerSelect:first-of-type .menu',
      monthItem: '.datePickerSelect-month .menu, .datePickerSelect:last-of-type .menu',
      prev: '.datepicke-btn-prve',
      next: '.datepicke-btn-next',
      cells: '.datepicker-body tbody td',
      clear: '.remove > .icon, .remove',
    },
  ],
  radios: [{ name: 'hd', root: '.hd-radio-group', item: 'label.hd-radio-button', text: '.hd-radio-label', checked: '.is-checked' }],
  checks: [{ name: 'hd', root: '.hd-checkbox-group', item: 'label.hd-checkbox-button', text: '.hd-checkbox-label', checked: '.is-checked', more: '.showMore' }],
};

/**
 * Fusion Next (@alifd/next 1.x) under a class prefix (docs/PORTALS.md, the vendor console
 * "Components"): `next-` by default, the app's own where it sets one.
 */
function fusion(p: string): Omit<Families, 'composites' | 'anyComposite'> {
  const trigger = `.${p}select.${p}select-trigger`;
  return {
    selects: [
      {
        name: `fusion:${p}`,
        root: `${trigger}:not(.${p}cascader-select)`,
        trigger: '',
        shown: `.${p}select-values > em`,
        list: `ul.${p}select-menu`,
        option: `li.${p}select-menu-item`,
        disabledOption: '.disabled, [aria-disabled="true"]',
        loading: /加载中|loading/i,
        empty: /^(无选项|无数据|暂无数据|没有数据)$/,
        clear: `.${p}select-clear`,
      },
    ],
    cascaders: [
      {
        name: `fusion:${p}`,
        root: `${trigger}.${p}cascader-select`,
        trigger: '',
        shown: `.${p}select-values > em`,
        dropdown: `.${p}cascader-select-dropdown`,
        level: `ul.${p}cascader-menu`,
        item: `li.${p}cascader-menu-item`,
        separator: /\s*\/\s*/,
      },
    ],
    calendars: [
      {
        name: `fusion:${p}date-picker`,
        how: 'panel-input',
        root: `.${p}date-picker`,
        input: `.${p}date-picker-input input`,
        trigger: `.${p}date-picker-trigger`,
        popup: `.${p}date-picker-body`,
        popupInput: `.${p}date-picker-panel-input input`,
        clear: `.${p}input-clear, .${p}date-picker-clear`,
      },
      { name: `fusion:${p}date-picker2`, how: 'typed', root: `.${p}date-picker2`, input: `.${p}date-picker2-input input`, clear: `.${p}input-clear, .${p}date-picker2-clear` },
    ],
    radios: [{ name: `fusion:${p}`, root: `.${p}radio-group`, item: `label.${p}radio-wrapper`, text: `.${p}radio-label`, checked: '.checked, [aria-checked="true"]' }],
    checks: [{ name: `fusion:${p}`, root: `.${p}checkbox-group`, item: `label.${p}checkbox-wrapper`, text: `.${p}checkbox-label`, checked: '.checked, [aria-checked="true"]' }],
  };
}

/**
 * After every library's own rows: tabs that choose a value (the login's 个人用户 / 机构, whose choice
 * decides which form shows) and ARIA's radio and checkbox groups. Items are what a user clicks.
 */
const GENERIC: Pick<Families, 'radios' | 'checks'> = {
  radios: [
    { name: 'tabs', root: '.tabs, [role=tablist]', item: ':scope > .tab, :scope > [role=tab]', text: '', checked: '.active, .is-active, [aria-selected="true"]' },
    { name: 'aria', root: '[role=radiogroup]', item: '[role=radio], label', text: '', checked: '[aria-checked="true"]' },
  ],
  checks: [{ name: 'aria', root: '[role=group]', item: '[role=checkbox], label', text: '', checked: '[aria-checked="true"]' }],
};

/** Fusion's class suffixes that give its prefix away: a class `xdemo-form-item-label` means the prefix `xdemo-`. */
const FUSION_TELLS = ['form-item-label', 'select-trigger', 'overlay-wrapper', 'date-picker2', 'radio-wrapper', 'checkbox-wrapper'];

/** The last reading of a document's prefixes, kept until the current task's microtasks are done. */
let lastReading: { doc: Document; prefixes: string[] } | null = null;

/**
 * The Fusion prefixes a document's classes show, read at run time rather than assumed. Reading them
 * scans the whole document, and one collect asks for every control: one reading serves a
 * synchronous run, and the next task (the page may have rendered another library meanwhile) reads
 * again.
 */
export function fusionPrefixes(doc: Document): string[] {
  if (lastReading?.doc === doc) return lastReading.prefixes;
  const prefixes = readFusionPrefixes(doc);
  lastReading = { doc, prefixes };
  queueMicrotask(() => (lastReading = null));
  return prefixes;
}

function readFusionPrefixes(doc: Document): string[] {
  const found = new Set<string>();
  const selector = FUSION_TELLS.map((t) => `[class*="${t}"]`).join(', ');
  for (const el of doc.querySelectorAll(selector)) {
    for (const cls of el.classList) {
      const tell = FUSION_TELLS.find((t) => cls.endsWith(`-${t}`) && cls.length > t.length + 1);
      const prefix = tell && cls.slice(0, cls.length - tell.length);
      // A prefix is one word and its hyphen (next-, xdemo-): not the hd library, not a BEM chain.
      if (prefix && /^[a-z][a-z0-9]*-$/.test(prefix) && prefix !== 'hd-') found.add(prefix);
    }
  }
  return [...found].sort();
}

const cache = new WeakMap<Document, { key: string; families: Families }>();

/** The component families a document may hold: the center's, Fusion's under each prefix it shows, then the generic ones. */
export function familiesOf(doc: Document): Families {
  const prefixes = fusionPrefixes(doc);
  const key = prefixes.join(' ');
  const hit = cache.get(doc);
  if (hit?.key === key) return hit.families;
  const libs = [CENTER, ...prefixes.map(fusion)];
  const rows = <K extends keyof typeof CENTER>(k: K) => libs.flatMap((l) => l[k] as (typeof CENTER)[K][number][]);
  const f = {
    selects: rows('selects'),
    cascaders: rows('cascaders'),
    calendars: rows('calendars'),
    radios: [...rows('radios'), ...GENERIC.radios],
    checks: [...rows('checks'), ...GENERIC.checks],
  };
  const composites: [ControlKind, string][] = [
    // A cascader first: Fusion's is a select trigger too.
    ['cascader', f.cascaders.map((x) => x.root).join(', ')],
    ['select', f.selects.map((x) => x.root).join(', ')],
    ['date', f.calendars.map((x) => x.root).join(', ')],
    ['radio', f.radios.map((x) => x.root).join(', ')],
    ['checkbox', f.checks.map((x) => x.root).join(', ')],
  ];
  const families: Families = { ...f, composites, anyComposite: composites.map(([, sel]) => sel).join(', ') };
  cache.set(doc, { key, families });
  return families;
}

export const familyOf = <F extends { root: string }>(families: readonly F[], root: Element): F | undefined => families.find((f) => root.matches(f.root));

/** The family of a composite control's root, of the kind asked, in its own document. */
export function familyFor<K extends 'selects' | 'cascaders' | 'calendars' | 'radios' | 'checks'>(kind: K, root: Element): Families[K][number] | undefined {
  return familyOf(familiesOf(root.ownerDocument)[kind] as readonly Families[K][number][], root);
}
