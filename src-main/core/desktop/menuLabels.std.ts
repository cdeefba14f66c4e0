// The application menu's words. The renderer's translations live in src-renderer/i18n, which
// the main process may not import; the menu needs only these few.
import type { Language } from '../../contract/schemas.std.ts';

const en = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Guichet',
  services: 'Services',
  hide: 'Hide Guichet',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit Guichet',
  close: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  bringAllToFront: 'Bring All to Front',
  exportDiagnostics: 'Export Diagnostics…',
  checkForUpdates: 'Check for Updates…',
};

export type MenuLabels = Record<keyof typeof en, string>;

const fr: MenuLabels = {
  file: 'Fichier',
  edit: 'Édition',
  view: 'Affichage',
  window: 'Fenêtre',
  help: 'Aide',
  about: 'À propos de Guichet',
  services: 'Services',
  hide: 'Masquer Guichet',
  hideOthers: 'Masquer les autres',
  showAll: 'Tout afficher',
  quit: 'Quitter Guichet',
  close: 'Fermer la fenêtre',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  reload: 'Recharger',
  toggleDevTools: 'Outils de développement',
  resetZoom: 'Taille réelle',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  toggleFullScreen: 'Plein écran',
  minimize: 'Réduire',
  zoom: 'Agrandir',
  bringAllToFront: 'Tout ramener au premier plan',
  exportDiagnostics: 'Exporter le diagnostic…',
  checkForUpdates: 'Rechercher des mises à jour…',
};

export const MENU_LABELS: Record<Language, MenuLabels> = { fr, en };

/** The user's chosen language, else the system's if we speak it (as the renderer chooses). */
export function menuLanguage(setting: Language | null | undefined, systemLocale: string): Language {
  return setting ?? (systemLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en');
}
