import type { FieldRule } from '@/utils/pages/adapters/toolkit';
import type { ControlSnapshot, Signal, SignalSource } from './collect';
import type { ControlKind } from '@/utils/fields/catalogue';
import { specOf, type KeySpec, type ValueKind } from '@/utils/fields/catalogue';
import { labelText } from '@/utils/text/normalize';

/**
 * Match: each canonical key to one control. The page adapter's explicit rule first (exact label or
 * section title, model property); a scored heuristic over the separate signals as fallback, with
 * negative terms, specific before general, a margin over the runner-up, one control per key and one
 * key per control. Ambiguous means unanswered.
 */

export type MatchResult =
  | { key: string; status: 'matched'; ref: number; why: string }
  | { key: string; status: 'ambiguous'; refs: number[]; why: string }
  | { key: string; status: 'not-found'; why: string };

/** Which control kinds can take a value kind. */
const FITS: Record<ValueKind, readonly ControlKind[]> = {
  text: ['text'],
  date: ['date'],
  choice: ['select', 'radio'],
  multi: ['checkbox'],
};

/** How much each source is trusted: a label beats a placeholder (which is often an example). */
export const SOURCE_WEIGHT: Record<SignalSource, number> = {
  label: 1,
  'form-label': 1,
  title: 1,
  aria: 0.9,
  prop: 0.9,
  name: 0.8,
  'prev-text': 0.7,
  placeholder: 0.6,
};
/** Below this a control is not the field at all. */
export const MIN_SCORE = 0.55;
/** The winner must lead the runner-up by this much, or the key is ambiguous. */
export const MARGIN = 0.1;

const LABEL_SOURCES: ReadonlySet<SignalSource> = new Set(['label', 'form-label', 'title']);
/** Sources whose text is the page's words for this control; prev-text may belong to a neighbour. */
const VETO_SOURCES: ReadonlySet<SignalSource> = new Set(['label', 'form-label', 'title', 'aria', 'placeholder']);

function fits(key: string, c: ControlSnapshot): boolean {
  const spec = specOf(key);
  return !!spec && FITS[spec.kind].includes(c.kind);
}

/** The last segment of a model path: ownerList.0.name → name. */
function propTail(prop: string): string {
  return prop.split(/[.[\]]/).filter(Boolean).at(-1)?.toLowerCase() ?? '';
}

function explicitHit(rule: FieldRule, c: ControlSnapshot): string | null {
  for (const s of c.signals) {
    if ((s.source === 'prop' || s.source === 'name') && rule.prop !== undefined) {
      if (typeof rule.prop === 'string' ? s.text === rule.prop : rule.prop.test(s.text)) return `${s.source === 'prop' ? 'label[for]' : 'name'}="${s.text}"`;
    }
    if (LABEL_SOURCES.has(s.source) && rule.labels?.some((l) => labelText(l) === s.text)) return `${s.source} “${s.text}”`;
  }
  return null;
}

function termScore(text: string, term: string): number {
  if (text === term) return 1;
  // One-character terms (名, 省, 市) only ever match a whole label.
  if (term.length < 2 || !text.includes(term)) return 0;
  return 0.5 + (0.4 * term.length) / text.length;
}

export interface Scored {
  score: number;
  why: string;
}

/** How well one control's signals fit a key; 0 when a negative term vetoes it. */
export function scoreControl(signals: readonly Signal[], spec: KeySpec, extraTerms: readonly string[] = []): Scored {
  const terms = [...extraTerms.map(labelText), ...spec.terms];
  const props = (spec.props ?? []).map((p) => p.toLowerCase());
  let best: Scored = { score: 0, why: '' };
  for (const s of signals) {
    let v = 0;
    let term = '';
    if (s.source === 'prop' || s.source === 'name') {
      const tail = propTail(s.text);
      for (const p of props) {
        const pv = tail === p ? 1 : p.length >= 4 && tail.includes(p) ? 0.6 : 0;
        if (pv > v) [v, term] = [pv, p];
      }
    } else {
      if (VETO_SOURCES.has(s.source) && spec.not?.some((n) => s.text.includes(n))) return { score: 0, why: `${s.source} “${s.text}” is excluded` };
      for (const t of terms) {
        const tv = termScore(s.text, t);
        if (tv > v) [v, term] = [tv, t];
      }
    }
    const weighted = v * SOURCE_WEIGHT[s.source];
    if (weighted > best.score) best = { score: weighted, why: `${s.source} “${s.text}” ~ “${term}”` };
  }
  return best;
}

/**
 * Matches the rules' keys to the controls of one scope (null: outside owner rows, i: the i-th row).
 * Hidden, disabled and readonly text controls never compete, so a hidden twin makes nothing
 * ambiguous and is never filled.
 */
export function matchFields(controls: readonly ControlSnapshot[], rules: readonly FieldRule[], scope: number | null = null): MatchResult[] {
  const pool = controls.filter((c) => c.scope === scope && c.visible && c.enabled && !(c.kind === 'text' && c.readonly));
  const results = new Map<string, MatchResult>();
  const claimed = new Set<number>();

  for (const rule of rules) {
    const hits = pool.flatMap((c) => {
      const why = fits(rule.key, c) ? explicitHit(rule, c) : null;
      return why ? [{ c, why }] : [];
    });
    if (hits.length === 1) {
      results.set(rule.key, { key: rule.key, status: 'matched', ref: hits[0].c.ref, why: `adapter: ${hits[0].why}` });
      claimed.add(hits[0].c.ref);
    } else if (hits.length > 1) {
      results.set(rule.key, { key: rule.key, status: 'ambiguous', refs: hits.map((h) => h.c.ref), why: `adapter rule fits ${hits.length} controls` });
      for (const h of hits) claimed.add(h.c.ref);
    }
  }

  const open = rules.filter((r) => !results.has(r.key));
  const free = pool.filter((c) => !claimed.has(c.ref));
  // Each free control goes to the key it fits best, and only when that key leads its second best:
  // a label that fits two keys equally is nobody's.
  const byKey = new Map<string, { ref: number; score: number; why: string }[]>();
  const contested = new Map<string, number[]>();
  for (const c of free) {
    const ranked = open
      .filter((r) => fits(r.key, c))
      .map((r) => ({ key: r.key, ...scoreControl(c.signals, specOf(r.key)!, r.labels) }))
      .filter((s) => s.score >= MIN_SCORE)
      .sort((a, b) => b.score - a.score);
    if (!ranked.length) continue;
    if (ranked[1] && ranked[0].score - ranked[1].score < MARGIN) {
      for (const r of ranked.filter((r) => ranked[0].score - r.score < MARGIN)) contested.set(r.key, [...(contested.get(r.key) ?? []), c.ref]);
      continue;
    }
    byKey.set(ranked[0].key, [...(byKey.get(ranked[0].key) ?? []), { ref: c.ref, score: ranked[0].score, why: ranked[0].why }]);
  }
  for (const rule of open) {
    const cands = (byKey.get(rule.key) ?? []).sort((a, b) => b.score - a.score);
    const tied = contested.get(rule.key) ?? [];
    if (!cands.length) {
      results.set(rule.key, tied.length ? { key: rule.key, status: 'ambiguous', refs: tied, why: 'the same label fits other fields as well' } : { key: rule.key, status: 'not-found', why: 'no visible control fits' });
      continue;
    }
    const [top, second] = cands;
    if (second && top.score - second.score < MARGIN) {
      results.set(rule.key, { key: rule.key, status: 'ambiguous', refs: cands.filter((x) => top.score - x.score < MARGIN).map((x) => x.ref), why: `several controls fit: ${top.why}; ${second.why}` });
    } else {
      results.set(rule.key, { key: rule.key, status: 'matched', ref: top.ref, why: `heuristic ${top.score.toFixed(2)}: ${top.why}` });
    }
  }
  return rules.map((r) => results.get(r.key)!);
}
