// The e-mail a contact receives when an office assigns tickets to them (DOMAIN.md §6,
// "Attribution de billets"): who sends them, for which order, and the bundle as a PDF.
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { PLATFORM } from '../../src-main/core/domain/platform.std.ts';
import type { OutgoingMail } from './mailer.node.ts';

export interface TicketMailInput {
  to: { name: string; email: string };
  officeCompany: string;
  orderNumber: string;
  ticketCount: number;
  /** The ticket bundle, one A4 page per ticket. */
  pdf: Buffer;
  language: Language;
}

export function ticketMail(input: TicketMailInput): OutgoingMail {
  const { to, officeCompany, orderNumber, ticketCount: n, language } = input;
  const fr = language === 'fr';
  const text = fr
    ? [
        `Bonjour ${to.name},`,
        '',
        `${officeCompany} vous envoie ${n === 1 ? 'votre billet' : `vos ${n} billets`} pour la commande ${orderNumber}.`,
        `${n === 1 ? 'Il se trouve' : 'Ils se trouvent'} dans le PDF joint, un billet par page.`,
        '',
        'Chaque billet est valable pour une personne et une seule entrée : imprimez-le ou présentez-le sur votre téléphone à l’entrée du site.',
        '',
        'Bonne visite,',
        PLATFORM.name,
        PLATFORM.customerServiceEmail,
      ]
    : [
        `Hello ${to.name},`,
        '',
        `${officeCompany} is sending you ${n === 1 ? 'your ticket' : `your ${n} tickets`} for order ${orderNumber}.`,
        `${n === 1 ? 'It is' : 'They are'} in the attached PDF, one ticket per page.`,
        '',
        'Each ticket admits one person, once: print it or show it on your phone at the entrance.',
        '',
        'Enjoy your visit,',
        PLATFORM.name,
        PLATFORM.customerServiceEmail,
      ];
  return {
    to: to.email,
    toName: to.name,
    subject: fr ? `Vos billets — commande ${orderNumber}` : `Your tickets — order ${orderNumber}`,
    text: text.join('\n'),
    attachments: [{ filename: `${fr ? 'billets' : 'tickets'}-${orderNumber}.pdf`, content: input.pdf, contentType: 'application/pdf' }],
  };
}
