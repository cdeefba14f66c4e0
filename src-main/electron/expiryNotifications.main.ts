// Options entering the "expiring soon" window raise a desktop notification (the browser
// host shows the same warning as a banner in the page).
import { Notification } from 'electron';
import type { GuichetCore } from '../core/guichetCore.node.ts';
import { readSettings } from '../core/store/settingsRepo.node.ts';

const TEXT = {
  fr: (n: number, first: string) => `${n} option(s) expirent bientôt, dont ${first}. Payez-les ou annulez-les depuis Options.`,
  en: (n: number, first: string) => `${n} option(s) expire soon, including ${first}. Pay or cancel them from Provisional bookings.`,
};

export function notifyExpiringOptions(core: GuichetCore): () => void {
  return core.on('options.expiring', ({ options }) => {
    if (!Notification.isSupported() || options.length === 0) return;
    const language = readSettings(core.store.db).language ?? 'fr';
    new Notification({ title: 'Guichet', body: TEXT[language](options.length, options[0]!.venueName) }).show();
  });
}
