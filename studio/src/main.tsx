/** Studio entry: the base styles first (tokens, element defaults, shared components), then providers and the app. */
import './styles/tokens.css';
import './styles/base.css';
import './components/components.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ToastProvider } from './components/toasts';
import { LangProvider } from './i18n';
import { SessionProvider } from './session';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <ToastProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ToastProvider>
    </LangProvider>
  </StrictMode>,
);
