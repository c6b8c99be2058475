import { createRoot } from 'react-dom/client';
import { App } from './App';
import '@/components/base.css';
import './options.css';

document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
createRoot(document.getElementById('root')!).render(<App />);
