import type { FieldWhy, FillStatus, PlanAction, SignalSource, ValueSource } from '@/utils/contract/messages';
import { findingLabel } from '@/utils/fields/labels';
import { t } from '@/utils/platform/i18n';

/** The popup's words for a fill's plan and report: statuses, actions, where a value comes from and why a control was matched. */

export const STATUS_TEXT: Record<FillStatus, string> = {
  filled: t('statusFilled'),
  kept: t('statusKept'),
  'too-long': t('statusTooLong'),
  ambiguous: t('statusAmbiguous'),
  'not-found': t('statusNotFound'),
  rejected: t('statusRejected'),
  locked: t('statusLocked'),
  'no-value': t('statusNoValue'),
  skipped: t('statusSkipped'),
};

/** The report's groups, in the order they are read: what was done, then what needs the user. */
export const STATUS_GROUPS: readonly { status: FillStatus; name: string }[] = [
  { status: 'filled', name: t('groupFilled') },
  { status: 'kept', name: t('groupKept') },
  { status: 'locked', name: t('groupLocked') },
  { status: 'no-value', name: t('groupNoValue') },
  { status: 'too-long', name: t('groupTooLong') },
  { status: 'ambiguous', name: t('groupAmbiguous') },
  { status: 'not-found', name: t('groupNotFound') },
  { status: 'rejected', name: t('groupRejected') },
  { status: 'skipped', name: t('groupSkipped') },
];

export const ACTION_TEXT: Record<PlanAction, string> = {
  fill: t('actionFill'),
  keep: t('actionKeep'),
  locked: t('actionLocked'),
  'no-value': t('actionNoValue'),
  'too-long': t('actionTooLong'),
  ambiguous: t('actionAmbiguous'),
  'not-found': t('actionNotFound'),
};

const SIGNAL_TEXT: Record<SignalSource, string> = {
  label: t('signal_label'),
  'form-label': t('signal_form_label'),
  cell: t('signal_cell'),
  title: t('signal_title'),
  'shared-title': t('signal_shared_title'),
  caption: t('signal_caption'),
  placeholder: t('signal_placeholder'),
  aria: t('signal_aria'),
  prop: t('signal_prop'),
  name: t('signal_name'),
  'prev-text': t('signal_prev_text'),
  suffix: t('signal_suffix'),
  options: t('signal_options'),
  position: t('signal_position'),
};

/** Why the control was matched (the signal and the page's words), or why none was. */
export function whyText(why: FieldWhy, labelOf: (key: string) => string): string {
  switch (why.match) {
    case 'rule':
      return t('whyRule', [SIGNAL_TEXT[why.source], why.text]);
    case 'words':
      return t('whyWords', [SIGNAL_TEXT[why.source], why.text, why.term]);
    case 'part':
      return t('whyPart', [labelOf(why.host)]);
    case 'ambiguous':
      return why.between === 'fields' ? t('whyAmbiguousFields') : t('whyAmbiguousControls', [why.controls]);
    case 'none':
      return why.hidden ? t('whyHidden') : t('whyNone');
  }
}

/** Where a planned value comes from: the owner's, a co-owner's or the work's profile fields, by their names. */
export function sourceText(from: ValueSource): string {
  const fields = from.fields.map((f) => findingLabel(`${from.of === 'work' ? 'work' : 'owner'}.${f}`)).join('、');
  const name = from.name ?? '';
  return from.of === 'work' ? t('fromWork', [name, fields]) : t(from.of === 'co-owner' ? 'fromCoOwner' : 'fromOwner', [name, fields]);
}
