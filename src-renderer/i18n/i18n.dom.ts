import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { en } from './en.std.ts';
import { fr } from './fr.std.ts';

export const LANGUAGES: Language[] = ['fr', 'en'];

/** The language to start in before the user has chosen one: the system's, if we speak it. */
export const systemLanguage = (): Language => (navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en');

export async function initI18n(language: Language) {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
