import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LockGate } from '@/utils/ui/LockGate';
import '@/components/base.css';
import './popup.css';

document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(
  <LockGate>
    <App />
  </LockGate>,
);
