// "Imprimer les billets": the buttons that queue a bundle, with the language it is printed in
// (a group from abroad may want its tickets in English while the office works in French).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleScope } from '../../src-main/contract/printSchemas.std.ts';
import { LANGUAGES } from '../i18n/i18n.dom.ts';
import { useApp } from '../state/appStore.dom.ts';
import { useBundles } from '../state/bundles.dom.ts';

export function useBundleLanguage() {
  const uiLanguage = useApp((s) => s.language);
  return useBundles((s) => s.language) ?? uiLanguage;
}

export function PrintTicketsBar({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const language = useBundleLanguage();
  const setLanguage = useBundles((s) => s.setLanguage);
  return (
    <div className="toolbar print-bar">
      {children}
      <label>
        {t('bundles.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as typeof language)} data-testid="bundle-language">
          {LANGUAGES.map((l) => <option key={l} value={l}>{l === 'fr' ? 'Français' : 'English'}</option>)}
        </select>
      </label>
    </div>
  );
}

/** `scope` null: nothing chosen yet, the button waits. */
export function PrintTicketsButton({ scope, label }: { scope: BundleScope | null; label: string }) {
  const language = useBundleLanguage();
  const start = useBundles((s) => s.start);
  return <button type="button" disabled={!scope} onClick={() => scope && void start(scope, language)}>{label}</button>;
}
