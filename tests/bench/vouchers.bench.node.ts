// Vouchers against a real PostgreSQL through the HTTP API: the checkout of an order of 1,000
// vouchers by card (1,000 codes drawn and stored in its transaction), then 50 museum tills at
// once each redeeming its own codes one after another; and 500 pasted addresses each e-mailed
// a code (POST /vouchers/assign) through a real SMTP server on loopback.
import { randomUUID } from 'node:crypto';
import { startCentral } from '../../src-central/central.node.ts';
import { call, MIGRATIONS_DIR, validatedDesk } from '../central/centralTestClient.node.ts';
import { checkoutRequest, pay } from '../central/orderTestKit.node.ts';
import { parseRecipients } from '../../src-main/core/domain/recipientList.std.ts';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { startSmtpInbox } from '../support/smtpInbox.node.ts';
import { report, timed } from './placements.bench.node.ts';

const ORDERS = 10;
const PER_ORDER = 1_000;
const TILLS = 50;
const MUSEUM = 'mad-contremarques';
const ASSIGNED = 500;

export async function benchVouchers(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`vouchers: skipped (${missing})`);
    return;
  }
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase('bench_vouchers');
    const inbox = await startSmtpInbox();
    const central = await startCentral({
      databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, poolSize: 20, seedMonths: 1,
      mail: { smtpUrl: inbox.url, from: '"Guichet" <billetterie@guichet.example>' },
    });
    try {
      const desk = await validatedDesk(central, 'Bench Contremarques');
      console.log(`vouchers (HTTP → central service → PostgreSQL 15, pool of 20 connections, card)`);
      const checkouts: number[] = [];
      const codes: string[] = [];
      const started = performance.now();
      for (let i = 0; i < ORDERS; i += 1) {
        const items = [{ kind: 'voucher' as const, itemId: randomUUID(), tariffId: `${MUSEUM}:plein`, quantity: PER_ORDER }];
        const { vouchers } = await timed(checkouts, () => pay(desk, checkoutRequest(items)));
        if (vouchers.length !== PER_ORDER) throw new Error(`checkout issued ${vouchers.length} vouchers`);
        codes.push(...vouchers.map((v) => v.code));
      }
      report(`checkout of ${PER_ORDER} vouchers, one order after another`, checkouts, performance.now() - started, '', 'checkouts');

      const token = central.tillToken(MUSEUM);
      const perTill = Math.floor(codes.length / TILLS);
      const redemptions: number[] = [];
      const redeemStarted = performance.now();
      await Promise.all(Array.from({ length: TILLS }, async (_, t) => {
        for (const code of codes.slice(t * perTill, (t + 1) * perTill)) {
          const answer = await timed(redemptions, () => call(central.url, 'POST', '/vouchers/redeem', { code, till: `Caisse ${t}` }, { 'x-till-token': token }));
          if (answer.status !== 200) throw new Error(`redeem ${answer.status}: ${JSON.stringify(answer.body)}`);
        }
      }));
      report(`redemptions, ${TILLS} tills at once`, redemptions, performance.now() - redeemStarted, '', 'redemptions');

      const items = [{ kind: 'voucher' as const, itemId: randomUUID(), tariffId: `${MUSEUM}:plein`, quantity: ASSIGNED }];
      const { vouchers: free } = await pay(desk, checkoutRequest(items));
      const pasted = Array.from({ length: ASSIGNED }, (_, i) => `Élève ${i} <eleve${i}@ecole.example.org>`).join('\n');
      const mailsBefore = inbox.received.length;
      const assigning: number[] = [];
      const assignStarted = performance.now();
      const answer = await timed(assigning, () => {
        const { recipients } = parseRecipients(pasted);
        return desk.authed('POST', '/vouchers/assign', {
          requestId: randomUUID(), language: 'fr',
          assignments: recipients.map((r, i) => ({ voucherId: free[i]!.id, email: r.email, name: r.name })),
        });
      });
      const results = (answer.body as { results?: { ok: boolean }[] }).results ?? [];
      if (answer.status !== 200 || results.filter((r) => r.ok).length !== ASSIGNED || inbox.received.length - mailsBefore !== ASSIGNED) {
        throw new Error(`assign ${answer.status}: ${results.filter((r) => r.ok).length} assigned, ${inbox.received.length - mailsBefore} mails`);
      }
      report(`assignment of ${ASSIGNED} pasted addresses, one e-mail each (loopback SMTP)`, assigning, performance.now() - assignStarted, '', 'requests');
    } finally {
      await central.close();
      await inbox.close();
    }
  } finally {
    await cluster.stop();
  }
}
