import { createRoot } from 'react-dom/client';
import { App } from './App';
import { markPageLanguage } from '@/utils/platform/i18n';
import { LockGate } from '@/utils/ui/LockGate';
import '@/components/base.css';
import './popup.css';

markPageLanguage();
createRoot(document.getElementById('root')!).render(
  <LockGate>
    <App />
  </LockGate>,
);
