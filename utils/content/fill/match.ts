import { FITS, hostKey, specOf, type KeySpec } from '@/utils/fields/catalogue';
import type { FieldRule } from '@/utils/pages/adapters/toolkit';
import { labelText } from '@/utils/text/normalize';
import { sameOption } from '@/utils/text/options';
import type { FieldWhy } from '@/utils/contract/messages';
import type { ControlSnapshot, Signal, SignalSource } from './collect';

/**
 * Match: each canonical key to one control (docs/FILLING.md, "Deciding a field"). The page
 * adapter's explicit rule first (exact label or section title, model property); a scored heuristic
 * over the separate signals as fallback, with negative terms, specific before general, a margin
 * over the runner-up, one control per key and one key per control. Ambiguous means unanswered.
 */

/** The signal a match rests on, as the report names it (the page's words, cut to 40 characters). */
type Found = { source: SignalSource; text: string };

export type MatchResult =
  | { key: string; status: 'matched'; ref: number; why: FieldWhy }
  | { key: string; status: 'ambiguous'; refs: number[]; why: FieldWhy }
  | { key: string; status: 'not-found'; why: FieldWhy };

/** How much each source is trusted: a label beats a placeholder (often an example), a section title shared by several controls names none of them alone. */
export const SOURCE_WEIGHT: Record<SignalSource, number> = {
  label: 1,
  'form-label': 1,
  cell: 1,
  title: 1,
  options: 0.95,
  position: 0.95,
  aria: 0.9,
  caption: 0.85,
  placeholder: 0.8,
  prop: 0.7,
  'prev-text': 0.6,
  name: 0.6,
  'shared-title': 0.5,
  suffix: 0.4,
};
/** Below this a control is not the field at all. */
export const MIN_SCORE = 0.55;
/** The winner must lead the runner-up by this much, or the key is ambiguous. */
export const MARGIN = 0.1;

const LABEL_SOURCES: ReadonlySet<SignalSource> = new Set(['label', 'form-label', 'cell', 'title']);
/** Sources whose text is the page's words for this control alone: a negative term there vetoes. */
const VETO_SOURCES: ReadonlySet<SignalSource> = new Set(['label', 'form-label', 'cell', 'title', 'caption', 'aria', 'placeholder']);

function fits(key: string, c: ControlSnapshot): boolean {
  const spec = specOf(key);
  return !!spec && FITS[spec.kind].includes(c.kind);
}

/** The last segment of a model path: ownerList.0.name → name. */
function propTail(prop: string): string {
  return prop.split(/[.[\]]/).filter(Boolean).at(-1)?.toLowerCase() ?? '';
}

const found = (s: Signal): Found => ({ source: s.source, text: s.text.slice(0, 40) });

function explicitHit(rule: FieldRule, c: ControlSnapshot): Found | null {
  for (const s of c.signals) {
    if ((s.source === 'prop' || s.source === 'name') && rule.prop !== undefined) {
      if (typeof rule.prop === 'string' ? s.text === rule.prop : rule.prop.test(s.text)) return found(s);
    }
    if (LABEL_SOURCES.has(s.source) && rule.labels?.some((l) => labelText(l) === s.text)) return found(s);
    if (s.source === 'position' && rule.position === s.text) return found(s);
  }
  return null;
}

function sharedTitleHit(rule: FieldRule, c: ControlSnapshot): { c: ControlSnapshot; why: Found }[] {
  const s = c.signals.find((x) => x.source === 'shared-title' && rule.labels?.some((l) => labelText(l) === x.text));
  return s ? [{ c, why: found(s) }] : [];
}

/**
 * How well a text names a term: the whole text, its start (a placeholder 请输入软件简称，如无简称
 * 请留空 names 软件简称), or inside it, weighed by how much of the text the term is.
 */
function termScore(rawText: string, rawTerm: string): number {
  // 的 joins the same words either way: 软件的全称 is 软件全称, 开发的硬件环境 开发硬件环境.
  const text = rawText.replace(/的/g, '');
  const term = rawTerm.replace(/的/g, '');
  if (text === term) return 1;
  // One-character terms (名, 省, 市) only ever match a whole label.
  if (term.length < 2 || !text.includes(term)) return 0;
  const share = term.length / text.length;
  return text.startsWith(term) ? 0.8 + 0.15 * share : 0.5 + 0.4 * share;
}

/** How well a control's options are the field's own: most of them among its known options, at least two. */
function optionsScore(text: string, spec: KeySpec): number {
  if (!spec.options) return 0;
  const offered = text.split('|').filter(Boolean);
  const known = offered.filter((o) => spec.options!.some((k) => sameOption(o, k)));
  return known.length >= 2 ? known.length / offered.length : 0;
}

const NORMALIZED = new Map<string, string>();
function normalized(term: string): string {
  let n = NORMALIZED.get(term);
  if (n === undefined) NORMALIZED.set(term, (n = labelText(term)));
  return n;
}

export interface Scored {
  score: number;
  /** The signal that scored, and the catalogue's term it fits; none when nothing scored or a negative term vetoed. */
  why?: Found & { term: string };
}

/** How well one control's signals fit a key; 0 when a negative term vetoes it. */
export function scoreControl(signals: readonly Signal[], spec: KeySpec, extraTerms: readonly string[] = [], field?: string): Scored {
  // Signals are normalised (NFKC: （城市） reads (城市)); so are the catalogue's words.
  const terms = [...extraTerms, ...spec.terms].map(normalized);
  const not = (spec.not ?? []).map(normalized);
  const notUnder = (spec.notUnder ?? []).map(normalized);
  const props = (spec.props ?? []).map((p) => p.toLowerCase());
  let best: Scored = { score: 0 };
  for (const s of signals) {
    let v = 0;
    let term = '';
    if (s.source === 'prop' || s.source === 'name') {
      const tail = propTail(s.text);
      for (const p of props) {
        const pv = tail === p ? 1 : p.length >= 4 && tail.includes(p) ? 0.6 : 0;
        if (pv > v) [v, term] = [pv, p];
      }
    } else if (s.source === 'options') {
      [v, term] = [optionsScore(s.text, spec), 'its options'];
    } else if (s.source === 'position') {
      [v, term] = [field !== undefined && s.text === field ? 1 : 0, field ?? ''];
    } else {
      if (VETO_SOURCES.has(s.source) && not.some((n) => s.text.includes(n))) return { score: 0 };
      // The section is someone else's (an 经办人's, an agent's).
      if ((s.source === 'title' || s.source === 'shared-title') && notUnder.some((n) => s.text.includes(n))) return { score: 0 };
      for (const t of terms) {
        const tv = termScore(s.text, t);
        if (tv > v) [v, term] = [tv, t];
      }
    }
    const weighted = v * SOURCE_WEIGHT[s.source];
    if (weighted > best.score) best = { score: weighted, why: { ...found(s), term } };
  }
  return best;
}

/** A hidden control of the scope that would have taken the key: the report says the field is hidden, not absent. */
function hiddenFits(controls: readonly ControlSnapshot[], rule: FieldRule, scope: number | null): boolean {
  return controls.some((c) => c.scope === scope && !c.visible && fits(rule.key, c) && (explicitHit(rule, c) !== null || scoreControl(c.signals, specOf(rule.key)!, rule.labels, fieldOf(rule.key)).score >= MIN_SCORE));
}

/** The owner field of a row key (`owners.1.idNumber` → idNumber), which a position signal names. */
const fieldOf = (key: string) => key.split('.').at(-1);

/**
 * Matches the rules' keys to the controls of one scope (null: outside owner rows, i: the i-th row).
 * Hidden controls never compete, so a hidden twin makes nothing ambiguous and is never filled;
 * disabled ones do (the report says the field is locked rather than missing). A key that is part
 * of another's area control (城市 of 省份 → 城市) shares that control when nothing else takes it.
 */
export function matchFields(controls: readonly ControlSnapshot[], rules: readonly FieldRule[], scope: number | null = null): MatchResult[] {
  const pool = controls.filter((c) => c.scope === scope && c.visible);
  const results = new Map<string, MatchResult>();
  const claimed = new Set<number>();

  for (const rule of rules) {
    let hits = pool.flatMap((c) => {
      const why = fits(rule.key, c) ? explicitHit(rule, c) : null;
      return why ? [{ c, why }] : [];
    });
    // A section's title names the one control of the key's kind in it (编程语言: the options and the other-language box).
    if (!hits.length) {
      const titled = pool.flatMap((c) => (fits(rule.key, c) && !claimed.has(c.ref) ? sharedTitleHit(rule, c) : []));
      hits = titled.length === 1 ? titled : [];
    }
    if (hits.length === 1) {
      results.set(rule.key, { key: rule.key, status: 'matched', ref: hits[0].c.ref, why: { match: 'rule', ...hits[0].why } });
      claimed.add(hits[0].c.ref);
    } else if (hits.length > 1) {
      results.set(rule.key, { key: rule.key, status: 'ambiguous', refs: hits.map((h) => h.c.ref), why: { match: 'ambiguous', controls: hits.length, between: 'controls' } });
      for (const h of hits) claimed.add(h.c.ref);
    }
  }

  const open = rules.filter((r) => !results.has(r.key));
  const free = pool.filter((c) => !claimed.has(c.ref));
  // Each free control goes to the key it fits best, and only when that key leads its second best:
  // a label that fits two keys equally is nobody's.
  const byKey = new Map<string, { ref: number; score: number; why: Found & { term: string } }[]>();
  const contested = new Map<string, number[]>();
  for (const c of free) {
    const ranked = open
      .filter((r) => fits(r.key, c))
      .map((r) => ({ key: r.key, ...scoreControl(c.signals, specOf(r.key)!, r.labels, fieldOf(r.key)) }))
      .filter((s) => s.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score);
    if (!ranked.length) continue;
    if (ranked[1] && ranked[0].score - ranked[1].score < MARGIN) {
      for (const r of ranked.filter((r) => ranked[0].score - r.score < MARGIN)) contested.set(r.key, [...(contested.get(r.key) ?? []), c.ref]);
      continue;
    }
    byKey.set(ranked[0].key, [...(byKey.get(ranked[0].key) ?? []), { ref: c.ref, score: ranked[0].score, why: ranked[0].why! }]);
  }
  for (const rule of open) {
    const cands = (byKey.get(rule.key) ?? []).sort((a, b) => b.score - a.score);
    const tied = contested.get(rule.key) ?? [];
    if (!cands.length) {
      results.set(
        rule.key,
        tied.length
          ? { key: rule.key, status: 'ambiguous', refs: tied, why: { match: 'ambiguous', controls: tied.length, between: 'fields' } }
          : { key: rule.key, status: 'not-found', why: { match: 'none', ...(hiddenFits(controls, rule, scope) ? { hidden: true } : {}) } },
      );
      continue;
    }
    const [top, second] = cands;
    if (second && top.score - second.score < MARGIN) {
      const refs = cands.filter((x) => top.score - x.score < MARGIN).map((x) => x.ref);
      results.set(rule.key, { key: rule.key, status: 'ambiguous', refs, why: { match: 'ambiguous', controls: refs.length, between: 'controls' } });
    } else {
      results.set(rule.key, { key: rule.key, status: 'matched', ref: top.ref, why: { match: 'words', ...top.why } });
    }
  }
  // 城市 inside the 省份 cascader: the same control holds it.
  for (const rule of rules) {
    const hostOf = hostKey(rule.key);
    if (!hostOf || results.get(rule.key)?.status === 'matched') continue;
    const host = results.get(hostOf);
    if (host?.status !== 'matched' || controls[host.ref].kind !== 'cascader') continue;
    results.set(rule.key, { key: rule.key, status: 'matched', ref: host.ref, why: { match: 'part', host: host.key } });
  }
  return rules.map((r) => results.get(r.key)!);
}
