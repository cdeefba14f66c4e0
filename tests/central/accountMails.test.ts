// The professional account's two e-mails (seed 002, step 10) through a real SMTP server on
// loopback: "account created" at sign-up and "pro status validated" when the back office
// validates, in the office's language, with nothing secret in them; and a mail server that is
// down loses neither the sign-up nor the validation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../src-central/central.node.ts';
import type { SignUp } from '../../src-main/contract/centralApi.std.ts';
import { startTestCentral } from '../support/testCentral.node.ts';
import { deadPort, startSmtpInbox, type SmtpInbox } from '../support/smtpInbox.node.ts';
import { signUpForm } from '../support/signUpForm.std.ts';
import { admin, call, PASSWORD, signIn } from './centralTestClient.node.ts';

const FROM = '"Guichet" <billetterie@guichet.example>';
const clock = { now: new Date('2025-01-10T09:00:00Z') };

function lolasSignUp(language: SignUp['language']): SignUp {
  return signUpForm(`lola-${randomUUID()}@voyages-lumiere.example`, PASSWORD, {
    company: 'Voyages Lumière', legalForm: 'SARL', siret: '123 456 789 00012', civility: 'mme', firstName: 'Lola', surname: 'Lago',
    jobTitle: 'Responsable groupes', street: '12 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR', language,
  });
}

describe('the account e-mails through SMTP', () => {
  let inbox: SmtpInbox;
  let central: RunningCentral;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    central = await startTestCentral({ now: () => clock.now, sweepEveryMs: 0, mail: { smtpUrl: inbox.url, from: FROM } });
  });
  afterAll(async () => {
    await central?.close();
    await inbox?.close();
  });

  it.each([
    ['fr', 'Confirmation de création de votre compte', 'Validation de votre statut/compte professionnel', 'Bonjour Lola Lago,', 'badge « PRO »'],
    ['en', 'Your account has been created', 'Your professional account has been validated', 'Hello Lola Lago,', '"PRO" badge'],
  ] as const)('in %s: "account created" at sign-up, then "pro status validated", each once, without the password', async (language, created, validated, greeting, badge) => {
    const form = lolasSignUp(language);
    const answer = await call(central.url, 'POST', '/auth/signup', form);
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'awaiting_validation', mailed: true });
    const first = await inbox.messageTo(form.email);
    expect(first.subject).toBe(created);
    expect(first.text).toContain(greeting);
    expect(first.text).toContain('Voyages Lumière');
    expect(first.html).toContain(`<p>${greeting}</p>`);

    expect((await admin(central, `/admin/offices/${answer.body.officeId}/validate`, {})).body).toMatchObject({ office: { status: 'validated' }, mailed: true });
    await expect.poll(() => inbox.mailTo(form.email).length).toBe(2);
    const second = inbox.mailTo(form.email)[1]!;
    expect(second.subject).toBe(validated);
    expect(second.text).toContain(badge);
    expect(second.html).toContain('<html');

    // Validating again does not write twice.
    expect((await admin(central, `/admin/offices/${answer.body.officeId}/validate`, {})).body.mailed).toBe(true);
    for (const mail of inbox.mailTo(form.email)) expect(`${mail.text} ${String(mail.html)}`).not.toContain(PASSWORD);
    expect(inbox.mailTo(form.email)).toHaveLength(2);
  });

  it('keeps what the form said and the language of its e-mails, French unless asked', async () => {
    const withoutLanguage: Partial<SignUp> & { email: string } = lolasSignUp('en');
    delete withoutLanguage.language;
    const answer = await call(central.url, 'POST', '/auth/signup', withoutLanguage);
    expect(answer.status).toBe(201);
    expect((await inbox.messageTo(withoutLanguage.email)).subject).toBe('Confirmation de création de votre compte');
    const { body } = await admin(central, '/admin/offices');
    expect(body.offices.find((o: { id: string }) => o.id === answer.body.officeId)).toMatchObject({
      company: 'Voyages Lumière', contactName: 'Lola Lago', language: 'fr', createdMailSentAt: clock.now.toISOString(), validatedMailSentAt: null,
    });
  });
});

describe('the account e-mails while the mail server is down', () => {
  it('keeps the sign-up and the validation, logs only the failure code, and sends the validation when asked again', async () => {
    const port = await deadPort();
    const lines: string[] = [];
    const central = await startTestCentral({
      now: () => clock.now, sweepEveryMs: 0, mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }, logStream: { write: (line) => lines.push(line) },
    });
    let inbox: SmtpInbox | undefined;
    try {
      const form = lolasSignUp('en');
      const answer = await call(central.url, 'POST', '/auth/signup', form);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ status: 'awaiting_validation', mailed: false });
      expect((await signIn(central.url, form.email)).office).toMatchObject({ company: 'Voyages Lumière', status: 'awaiting_validation' });

      const validated = await admin(central, `/admin/offices/${answer.body.officeId}/validate`, {});
      expect(validated.status).toBe(200);
      expect(validated.body).toMatchObject({ office: { status: 'validated', validatedMailSentAt: null }, mailed: false });
      expect((await signIn(central.url, form.email)).office.status).toBe('validated');

      const failures = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'account e-mail not sent');
      expect(failures).toMatchObject([{ mail: 'created', failure: { code: 'ESOCKET' } }, { mail: 'validated', failure: { code: 'ESOCKET' } }]);
      expect(lines.join('\n')).not.toContain(form.email.split('@')[0]);

      inbox = await startSmtpInbox(port);
      const again = await admin(central, `/admin/offices/${answer.body.officeId}/validate`, {});
      expect(again.body).toMatchObject({ office: { validatedMailSentAt: clock.now.toISOString() }, mailed: true });
      expect((await inbox.messageTo(form.email)).subject).toBe('Your professional account has been validated');
    } finally {
      await central.close();
      await inbox?.close();
    }
  });
});
