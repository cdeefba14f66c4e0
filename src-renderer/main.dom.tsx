import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.dom.tsx';
import { initI18n, systemLanguage } from './i18n/i18n.dom.ts';
import { useApp } from './state/appStore.dom.ts';
import { bridge } from './transport/bridge.dom.ts';
import './styles.css';

async function start() {
  const settings = await bridge.invoke('settings.get', {});
  const language = (settings.ok && settings.value.language) || systemLanguage();
  await initI18n(language);
  useApp.setState({ language });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
