import type { ReactNode } from 'react';
import { UnlockForm } from '@/components/UnlockForm';
import { toBackground } from '@/utils/platform/messaging';
import { attempt } from './attempt';
import { useLockStatus } from './store';
import { t } from '@/utils/platform/i18n';

/**
 * Shows `children` unless the passphrase lock is on and locked; then asks for the passphrase.
 * Talks to the background through the store client only, never to the database.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const status = useLockStatus();
  if (status === undefined) return null;
  if (!status.locked) return <>{children}</>;
  return (
    <UnlockForm
      texts={{ title: t('locked'), hint: t('lockedHint'), passphrase: t('passphrase'), unlock: t('unlock') }}
      onUnlock={async (passphrase) => {
        const answer = await attempt(() => toBackground('ruanzhu:unlock', { passphrase }));
        return answer.ok ? null : answer.error;
      }}
    />
  );
}
