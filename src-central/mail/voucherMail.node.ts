// The e-mail a recipient receives when an office assigns them a voucher (issue 12 §4): which
// museum, which tariff, the code itself, until when, and how to use it — in French or English,
// as plain text and the same in simple HTML.
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { PLATFORM } from '../../src-main/core/domain/platform.std.ts';
import type { OutgoingMail } from './mailer.node.ts';

export interface VoucherMailInput {
  to: { email: string; name: string | null };
  officeCompany: string;
  museumName: string;
  tariff: { fr: string; en: string };
  code: string;
  validUntil: Date;
  howToUse: { fr: string; en: string };
  language: Language;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The last day it is good for, as the museum's calendar says it. */
const lastDay = (at: Date, language: Language) =>
  at.toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

export function voucherMail(input: VoucherMailInput): OutgoingMail {
  const { to, officeCompany, museumName, code, language } = input;
  const fr = language === 'fr';
  const tariff = input.tariff[language];
  const until = lastDay(input.validUntil, language);
  const w = fr
    ? {
        subject: `Votre contremarque — ${museumName}`,
        greeting: to.name ? `Bonjour ${to.name},` : 'Bonjour,',
        intro: `${officeCompany} vous offre une contremarque pour le ${museumName} (${tariff}).`,
        codeLabel: 'Votre code',
        validity: `Valable jusqu’au ${until} inclus, pour une entrée.`,
        signOff: 'Bonne visite,',
      }
    : {
        subject: `Your voucher — ${museumName}`,
        greeting: to.name ? `Hello ${to.name},` : 'Hello,',
        intro: `${officeCompany} is giving you a voucher for the ${museumName} (${tariff}).`,
        codeLabel: 'Your code',
        validity: `Valid until ${until} inclusive, for one admission.`,
        signOff: 'Enjoy your visit,',
      };
  const howToUse = input.howToUse[language];
  const signature = [PLATFORM.name, PLATFORM.customerServiceEmail];
  const text = [w.greeting, '', w.intro, '', `${w.codeLabel}${fr ? ' : ' : ': '}${code}`, w.validity, '', howToUse, '', w.signOff, ...signature].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(w.greeting)}</p>`,
    `<p>${escapeHtml(w.intro)}</p>`,
    `<p>${escapeHtml(w.codeLabel)}</p>`,
    `<p style="font-family: monospace; font-size: 28px; letter-spacing: 2px"><strong>${escapeHtml(code)}</strong></p>`,
    `<p>${escapeHtml(w.validity)}</p>`,
    `<p>${escapeHtml(howToUse)}</p>`,
    `<p>${escapeHtml(w.signOff)}<br>${signature.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, ...(to.name ? { toName: to.name } : {}), subject: w.subject, text, html, attachments: [] };
}
