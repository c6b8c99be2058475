import { useState } from 'react';

interface Props {
  texts: { title: string; hint: string; passphrase: string; unlock: string };
  /** Resolves with an error message, or null when unlocked. */
  onUnlock: (passphrase: string) => Promise<string | null>;
}

/** Asks for the passphrase; a wrong one is reported and the field kept for another try. */
export function UnlockForm({ texts, onUnlock }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      aria-label={texts.title}
      className="unlock"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(await onUnlock(passphrase));
        setBusy(false);
      }}
    >
      <h2>🔒 {texts.title}</h2>
      <p className="muted">{texts.hint}</p>
      <label htmlFor="unlock-passphrase">{texts.passphrase}</label>
      <input id="unlock-passphrase" type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-invalid={!!error || undefined} aria-describedby={error ? 'unlock-error' : undefined} />
      {error && <p id="unlock-error" role="alert" className="msg"><span className="error">{error}</span></p>}
      <p><button type="submit" className="primary" disabled={busy || !passphrase}>{texts.unlock}</button></p>
    </form>
  );
}
