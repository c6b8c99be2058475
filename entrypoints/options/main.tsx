import { createRoot } from 'react-dom/client';
import { App } from './App';
import { markPageLanguage } from '@/utils/platform/i18n';
import '@/components/base.css';
import './options.css';

markPageLanguage();
createRoot(document.getElementById('root')!).render(<App />);
