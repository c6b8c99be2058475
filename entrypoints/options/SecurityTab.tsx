import { useState, type FormEvent } from 'react';
import type { LockStatus } from '@/utils/contract/messages';
import { toBackground } from '@/utils/platform/messaging';
import { attempt } from '@/utils/ui/attempt';
import { useLockStatus } from '@/utils/ui/store';
import { t } from '@/utils/platform/i18n';

/** A passphrase field with its label; `new-password` keeps browsers from autofilling the old one. */
function Secret({ id, label, value, onChange, fresh }: { id: string; label: string; value: string; onChange: (v: string) => void; fresh?: boolean }) {
  return (
    <p>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="password" autoComplete={fresh ? 'new-password' : 'current-password'} value={value} onChange={(e) => onChange(e.target.value)} />
    </p>
  );
}

/** Turn the passphrase lock on or off, change the passphrase, set the idle time, lock now. */
export function SecurityTab() {
  const status = useLockStatus();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<LockStatus>, needsRepeat: boolean) => async (e: FormEvent) => {
    e.preventDefault();
    if (needsRepeat && next !== repeat) return setMessage({ ok: false, text: t('passphraseMismatch') });
    setBusy(true);
    const answer = await attempt(action);
    setBusy(false);
    setMessage(answer.ok ? { ok: true, text: t('done') } : { ok: false, text: answer.error });
    if (answer.ok) [setCurrent, setNext, setRepeat].forEach((set) => set(''));
  };

  if (!status) return null;
  return (
    <div className="data">
      <section aria-labelledby="lock-title">
        <h2 id="lock-title">{t('tabSecurity')}</h2>
        <p role="status">{status.enabled ? t('lockOn') : t('lockOff')}</p>
        {!status.enabled && (
          <form onSubmit={run(() => toBackground('ruanzhu:lock-enable', { passphrase: next }), true)}>
            <p className="muted">{t('lockForgetWarning')}</p>
            <Secret id="lock-new" label={t('passphraseNew')} value={next} onChange={setNext} fresh />
            <Secret id="lock-repeat" label={t('passphraseRepeat')} value={repeat} onChange={setRepeat} fresh />
            <button type="submit" className="primary" disabled={busy || !next}>{t('lockEnable')}</button>
          </form>
        )}
        {status.enabled && (
          <>
            <p><button type="button" onClick={() => void attempt(() => toBackground('ruanzhu:lock'))}>{t('lockNow')}</button></p>
            <form onSubmit={run(() => toBackground('ruanzhu:lock-change', { current, next }), true)}>
              <h3>{t('lockChange')}</h3>
              <Secret id="lock-current" label={t('passphraseCurrent')} value={current} onChange={setCurrent} />
              <Secret id="lock-new" label={t('passphraseNew')} value={next} onChange={setNext} fresh />
              <Secret id="lock-repeat" label={t('passphraseRepeat')} value={repeat} onChange={setRepeat} fresh />
              <button type="submit" className="primary" disabled={busy || !current || !next}>{t('lockChange')}</button>
            </form>
            <form onSubmit={run(() => toBackground('ruanzhu:lock-disable', { passphrase: current }), false)}>
              <h3>{t('lockDisable')}</h3>
              <Secret id="lock-off-current" label={t('passphraseCurrent')} value={current} onChange={setCurrent} />
              <button type="submit" className="danger" disabled={busy || !current}>{t('lockDisable')}</button>
            </form>
            <p>
              <label htmlFor="auto-lock">{t('autoLock')}</label>
              <input
                id="auto-lock"
                type="number"
                min={1}
                max={1440}
                defaultValue={status.autoLockMinutes}
                onBlur={(e) => void attempt(() => toBackground('ruanzhu:auto-lock', { minutes: Number(e.target.value) })).then((a) => setMessage(a.ok ? { ok: true, text: t('done') } : { ok: false, text: a.error }))}
              />
            </p>
          </>
        )}
        {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status' : 'msg error'}>{message.text}</p>}
      </section>
    </div>
  );
}
