// What one office e-mailing tickets costs the others (issue 11 §6): another office's pull, timed
// back to back while one office's 52-ticket assignments are drawn and sent, against a quiet
// service, and the longest the service's event loop was held meanwhile. Central service on a real PostgreSQL; the mail server on loopback takes each message
// and throws it away (parsing it would cost this same process's event loop).
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { startCentral } from '../../src-central/central.node.ts';
import { group, MIGRATIONS_DIR, validatedDesk, type Desk } from '../central/centralTestClient.node.ts';
import { applyToAll, checkoutRequest, companion, pay } from '../central/orderTestKit.node.ts';
import { postgresMissing, startPostgres } from '../support/postgres.node.ts';
import { bookableSlots, percentile, timed } from './placements.bench.node.ts';

/** 25 visitors and a guide twice: 52 tickets, one e-mail. */
const GROUPS_PER_ORDER = 2;
const ONE_BY_ONE = 5;
/** The bound of one office's ticket e-mails under way (mail/ticketMailSlots.node.ts). */
const AT_ONCE = 4;
const QUIET_PULLS = 200;

async function paidOrder(desk: Desk, guide: string, slots: string[]) {
  const items = [];
  for (const slot of slots) {
    const placed = await desk.place(slot, group(25, 1));
    if (placed.status !== 'applied') throw new Error(`place: ${placed.code}`);
    items.push({ kind: 'option' as const, optionId: placed.option!.id, designations: applyToAll(group(25, 1), guide) });
  }
  return (await pay(desk, checkoutRequest(items))).order;
}

async function startSmtpSink() {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => callback()).resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface Watched {
  latencies: number[];
  /** The event loop's longest delay, ms. */
  heldMs: number;
}

function line(label: string, { latencies, heldMs }: Watched): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  return `${label}: ${latencies.length} pulls, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, `
    + `max ${sorted.at(-1)!.toFixed(0)} ms; event loop held up to ${heldMs.toFixed(0)} ms`;
}

/** Runs `work`, watching the event loop (the central service's: it runs in this process). */
async function watched(work: (latencies: number[]) => Promise<number | void>): Promise<Watched & { ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const latencies: number[] = [];
  delay.enable();
  const started = performance.now();
  await work(latencies);
  const ms = performance.now() - started;
  delay.disable();
  return { latencies, heldMs: delay.max / 1e6, ms };
}

export async function benchTicketMail(): Promise<void> {
  const missing = postgresMissing();
  if (missing) {
    console.log(`ticketMail: skipped (${missing})`);
    return;
  }
  const cluster = await startPostgres();
  const inbox = await startSmtpSink();
  try {
    const databaseUrl = await cluster.createDatabase('bench_ticket_mail');
    const central = await startCentral({ databaseUrl, migrationsDir: MIGRATIONS_DIR, sweepEveryMs: 0, mail: { smtpUrl: inbox.url, from: 'billetterie@guichet.example' } });
    try {
      const sender = await validatedDesk(central, 'Bench Sender');
      const other = await validatedDesk(central, 'Bench Other');
      const guide = await companion(sender, 'guide');
      const slots = await bookableSlots(databaseUrl, GROUPS_PER_ORDER * AT_ONCE);
      const orders: { id: string }[] = [];
      for (let i = 0; i < AT_ONCE; i++) orders.push(await paidOrder(sender, guide, slots.slice(i * GROUPS_PER_ORDER, (i + 1) * GROUPS_PER_ORDER)));
      const { cookie } = await other.pullAll(null);
      const pull = (latencies: number[]) => timed(latencies, () => other.pull(cookie, { limit: 100 }));
      const assign = async (orderId: string) => {
        const answer = await sender.authed('POST', `/orders/${orderId}/assign`, { ticketIds: null, to: { kind: 'office' }, language: 'fr' });
        if (answer.status !== 200) throw new Error(`assign ${answer.status}: ${JSON.stringify(answer.body)}`);
      };
      /** Pulls back to back until `work` is done. */
      const whilePulling = (work: () => Promise<unknown>) => watched(async (latencies) => {
        let done = false;
        const working = work().finally(() => (done = true));
        while (!done) await pull(latencies);
        await working;
      });

      console.log(`ticketMail (another office's pull while one office e-mails ${GROUPS_PER_ORDER * 26}-ticket bundles; PostgreSQL, SMTP on loopback, ${os.availableParallelism()} cores)`);
      const quiet = await watched(async (latencies) => {
        for (let i = 0; i < QUIET_PULLS; i++) await pull(latencies);
      });
      console.log(`  ${line('quiet service', quiet)}`);
      // The first e-mail of a launch also starts the drawing thread and loads pdfmake and the fonts in it.
      const first = await whilePulling(() => assign(orders[0]!.id));
      console.log(`  ${line(`first assignment of the launch (${first.ms.toFixed(0)} ms)`, first)}`);
      const oneByOne = await whilePulling(async () => {
        for (let i = 0; i < ONE_BY_ONE; i++) await assign(orders[i % AT_ONCE]!.id);
      });
      console.log(`  ${line(`${ONE_BY_ONE} assignments one after the other (${(oneByOne.ms / ONE_BY_ONE).toFixed(0)} ms each)`, oneByOne)}`);
      const atOnce = await whilePulling(() => Promise.all(orders.map((o) => assign(o.id))));
      console.log(`  ${line(`${AT_ONCE} assignments at once, the office's bound (${atOnce.ms.toFixed(0)} ms for all)`, atOnce)}`);
    } finally {
      await central.close();
    }
  } finally {
    await inbox.close();
    await cluster.stop();
  }
}
