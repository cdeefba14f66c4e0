// The two e-mails a professional account receives (seed 002, step 10): "account created" at
// sign-up, then "pro status validated" once the platform has checked it. Written in the
// office's language, plain text and simple HTML, and never with a password or link that
// signs in: the holder signs in with what they chose.
import type { Language } from '../../src-main/contract/schemas.std.ts';
import { PLATFORM } from '../../src-main/core/domain/platform.std.ts';
import type { OutgoingMail } from './mailer.node.ts';

export interface AccountMailTo {
  email: string;
  /** The contact's name as they typed it: "Lola Lago". */
  contactName: string;
  company: string;
  language: Language;
}

export type AccountMailKind = 'created' | 'validated';

interface Words {
  subject: string;
  greeting: string;
  paragraphs: string[];
  signOff: string;
}

function words(kind: AccountMailKind, to: AccountMailTo): Words {
  if (to.language === 'fr') {
    return kind === 'created'
      ? {
          subject: 'Confirmation de création de votre compte',
          greeting: `Bonjour ${to.contactName},`,
          paragraphs: [
            `Le compte professionnel de ${to.company} est créé, au nom de l’adresse ${to.email}.`,
            'Vous pouvez dès maintenant vous connecter avec votre adresse e-mail et le mot de passe que vous avez choisi. L’accès aux produits réservés aux professionnels (créneaux, options, contremarques) sera ouvert une fois votre statut professionnel validé par nos services.',
            'Vous recevrez un e-mail lorsque cette validation sera faite.',
          ],
          signOff: 'Cordialement,',
        }
      : {
          subject: 'Validation de votre statut/compte professionnel',
          greeting: `Bonjour ${to.contactName},`,
          paragraphs: [
            `Le statut professionnel du compte de ${to.company} est validé : le badge « PRO » s’affiche désormais dans Guichet.`,
            'Vous avez maintenant accès aux produits réservés aux professionnels : créneaux, options et contremarques.',
          ],
          signOff: 'Cordialement,',
        };
  }
  return kind === 'created'
    ? {
        subject: 'Your account has been created',
        greeting: `Hello ${to.contactName},`,
        paragraphs: [
          `The professional account of ${to.company} has been created for the address ${to.email}.`,
          'You can sign in now with your e-mail address and the password you chose. Products for professionals (time slots, options, vouchers) open once our team has validated your professional status.',
          'You will receive an e-mail when this is done.',
        ],
        signOff: 'Kind regards,',
      }
    : {
        subject: 'Your professional account has been validated',
        greeting: `Hello ${to.contactName},`,
        paragraphs: [
          `The professional status of the ${to.company} account has been validated: Guichet now shows the "PRO" badge.`,
          'You now have access to the products for professionals: time slots, options and vouchers.',
        ],
        signOff: 'Kind regards,',
      };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export function accountMail(kind: AccountMailKind, to: AccountMailTo): OutgoingMail {
  const w = words(kind, to);
  const signature = [PLATFORM.name, PLATFORM.customerServiceEmail];
  const text = [w.greeting, '', ...w.paragraphs.flatMap((p) => [p, '']), w.signOff, ...signature].join('\n');
  const html = [
    `<!doctype html><html lang="${to.language}"><body style="font-family: sans-serif; line-height: 1.5">`,
    `<p>${escapeHtml(w.greeting)}</p>`,
    ...w.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p>${escapeHtml(w.signOff)}<br>${signature.map(escapeHtml).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, toName: to.contactName, subject: w.subject, text, html, attachments: [] };
}
