import { createRoot } from 'react-dom/client';
import { App } from './App';
import { markPageLanguage, t } from '@/utils/platform/i18n';
import { LockGate } from '@/utils/ui/LockGate';
import '@/components/base.css';
import './popup.css';

markPageLanguage();
// One main landmark and one heading whether the store is locked or not.
createRoot(document.getElementById('root')!).render(
  <main>
    <h1>{t('extName')}</h1>
    <LockGate>
      <App />
    </LockGate>
  </main>,
);
