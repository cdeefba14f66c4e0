// The soak: offices, each a real desktop core on its own SQLite file behind a cable the soak can
// pull, place, resize, cancel and pay at random against one central service on PostgreSQL, while
// the back office cancels slots and time passes for the expiry sweep. Then every cable is back,
// every desk syncs until nothing moves, and soakChecks compares every mirror with the service.
import pg from 'pg';
import { TEST_CARDS } from '../../src-main/contract/centralApi.std.ts';
import type { CartDto } from '../../src-main/contract/schemas.std.ts';
import { startCentralHarness, type CentralHarness } from '../support/centralHarness.node.ts';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttableProxy.node.ts';
import { tempCore, type TempCore } from '../support/tempCore.node.ts';
import { checkSoak, type SoakFindings } from './soakChecks.node.ts';

export interface SoakOptions {
  offices: number;
  /** Actions per office, at most. */
  actions: number;
  /** The soak stops acting at this many milliseconds, whatever is left. */
  maxMs: number;
  seed: number;
  /** Slots the offices fight over: few enough that they fill up. */
  slots: number;
  /** Back-office slot cancellations and days passing, spread over the run. */
  venueCancellations: number;
  daysPassing: number;
}

export interface SoakReport {
  options: SoakOptions;
  actionsDone: Record<string, number>;
  outcomes: Record<string, number>;
  offlinePeriods: number;
  actingMs: number;
  quiesceMs: number;
  syncRounds: number;
  findings: SoakFindings;
}

const START = new Date('2025-01-10T09:00:00Z');
const DAY_MS = 86_400_000;
const card = { method: 'card', card: { number: TEST_CARDS.approved, expiry: '12/29', cvc: '123', holder: 'Camille Martin' } };

/** mulberry32: the same seed plays the same soak, action for action (the interleaving may differ). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Office {
  desk: TempCore;
  proxy: CuttableProxy;
  offline: boolean;
}

interface LocalOption {
  id: string;
  state: string;
}

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

async function soakSlots(databaseUrl: string, count: number, rand: () => number): Promise<string[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    // Visits 61 to 70 days ahead: options are possible at first, and the days passing bring
    // some of them inside the 60-day holding period, where the sweep expires their options.
    const { rows } = await db.query(
      `SELECT id FROM slots WHERE venue_id IN ('sainte-chapelle', 'conciergerie') AND status = 'open'
        AND starts_at BETWEEN $1::timestamptz + interval '61 days' AND $1::timestamptz + interval '70 days' ORDER BY id`, [START.toISOString()]);
    const ids = rows.map((r: { id: string }) => r.id);
    return Array.from({ length: count }, () => ids.splice(Math.floor(rand() * ids.length), 1)[0]!);
  } finally {
    await db.end();
  }
}

/** One office's actions, each chosen at random; every refusal is an outcome, never a failure of the soak. */
/** The offices' turns taken so far, all together: the back office paces itself on them. */
interface Progress {
  turns: number;
}

async function actAsOffice(office: Office, slots: string[], rand: () => number, opts: SoakOptions, deadline: number, report: SoakReport, progress: Progress): Promise<void> {
  const { desk } = office;
  const pick = <T>(items: T[]) => items[Math.floor(rand() * items.length)];
  const group = () => ({ visitors: 8 + Math.floor(rand() * 12), guides: 0, leaders: 0 });
  const call = async (action: string, method: string, input: unknown) => {
    bump(report.actionsDone, action);
    const result = await desk.dispatch(method, input);
    const rule = result.ok ? undefined : (result.error.details as { rule?: string } | undefined)?.rule;
    bump(report.outcomes, `${action}: ${result.ok ? 'ok' : result.error.code}${rule ? ` ${rule}` : ''}`);
    return result;
  };
  const mine = async (states: string[]) => ((await desk.dispatch('options.list', {})) as { ok: true; value: LocalOption[] }).value
    .filter((o) => states.includes(o.state));

  for (let i = 0; i < opts.actions && Date.now() < deadline; i += 1, progress.turns += 1) {
    if (office.offline && rand() < 0.3) {
      office.proxy.restore();
      office.offline = false;
      bump(report.actionsDone, 'cable back');
      continue;
    }
    const roll = rand();
    if (roll < 0.35) {
      await call('place', 'options.place', { slotId: pick(slots)!, composition: group() });
    } else if (roll < 0.45) {
      const option = pick(await mine(['active', 'pending']));
      if (option) await call('resize', 'options.resize', { optionId: option.id, composition: group() });
    } else if (roll < 0.53) {
      const option = pick(await mine(['active', 'pending']));
      if (option) await call('cancel', 'options.cancel', { optionId: option.id });
    } else if (roll < 0.65) {
      const held = (await mine(['active'])).slice(0, 1);
      if (held.length > 0) {
        const cart = (await desk.dispatch('cart.get', {})) as { ok: true; value: CartDto };
        for (const item of cart.value.groups) await desk.dispatch('cart.remove', { itemId: item.itemId });
        const added = await call('add to cart', 'cart.add', { optionIds: held.map((o) => o.id) });
        if (added.ok) await call('pay', 'cart.checkout', { termsAccepted: true, payment: card });
      }
    } else if (roll < 0.88) {
      bump(report.actionsDone, 'sync');
      await desk.sync.syncNow();
    } else if (roll < 0.94) {
      if (!office.offline) {
        office.proxy.cut();
        office.offline = true;
        report.offlinePeriods += 1;
        bump(report.actionsDone, 'cable cut');
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, 5 + rand() * 20));
    }
  }
}


/**
 * The back office meanwhile: a few slots cancelled by their venue, and days passing with the
 * sweep after each, spread evenly over the offices' actions whatever the machine's speed.
 */
async function actAsBackOffice(central: CentralHarness, slots: string[], rand: () => number, opts: SoakOptions, deadline: number, report: SoakReport, progress: Progress) {
  const events = [...Array(opts.venueCancellations).fill('cancel'), ...Array(opts.daysPassing).fill('day')] as ('cancel' | 'day')[];
  events.sort(() => rand() - 0.5);
  const total = opts.offices * opts.actions;
  for (const [i, event] of events.entries()) {
    const due = Math.floor(((i + 1) * total) / (events.length + 1));
    while (progress.turns < due && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (Date.now() >= deadline) break;
    if (event === 'cancel') {
      const answer = await central.admin(`/admin/slots/${encodeURIComponent(slots[Math.floor(rand() * slots.length)]!)}/cancel`, {});
      bump(report.outcomes, `venue cancels a slot: ${answer.status}`);
    } else {
      central.clock.now = new Date(central.clock.now.getTime() + DAY_MS);
      bump(report.outcomes, `a day passes: ${await central.sweepExpired()} options expired`);
    }
    bump(report.actionsDone, event === 'cancel' ? 'venue cancels a slot' : 'a day passes');
  }
}

/** Every cable back; every desk syncs, round after round, until no desk has anything to send and one more round moves nothing. */
async function quiesce(offices: Office[]): Promise<number> {
  for (const office of offices) {
    office.proxy.restore();
    office.offline = false;
  }
  let unquiet: unknown[] = [];
  for (let round = 1; round <= 20; round += 1) {
    const statuses = [];
    for (const office of offices) statuses.push(await office.desk.sync.syncNow());
    unquiet = statuses.filter((s) => s.pendingChanges > 0 || s.connection !== 'online');
    if (unquiet.length === 0) {
      // Changes pushed late in this round reach the desks that pulled earlier in it.
      for (const office of offices) await office.desk.sync.syncNow();
      return round + 1;
    }
  }
  throw new Error(`the desks did not quiesce in 20 sync rounds: ${JSON.stringify(unquiet)}`);
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const rand = random(opts.seed);
  const report: SoakReport = { options: opts, actionsDone: {}, outcomes: {}, offlinePeriods: 0, actingMs: 0, quiesceMs: 0, syncRounds: 0, findings: null! };
  const central = await startCentralHarness(START, { seedMonths: 4 });
  const offices: Office[] = [];
  try {
    if (!central.databaseUrl) throw new Error('the soak needs PostgreSQL (the run\'s cluster)');
    const slots = await soakSlots(central.databaseUrl, opts.slots, rand);
    for (let i = 0; i < opts.offices; i += 1) {
      const proxy = await startCuttableProxy(central.url);
      const desk = await tempCore(START, { centralUrl: proxy.url, now: () => central.clock.now });
      offices.push({ desk, proxy, offline: false });
      const signedIn = await desk.dispatch('account.signIn', await central.validatedOffice(`Soak ${i + 1}`));
      if (!signedIn.ok) throw new Error(`office ${i + 1} could not sign in: ${signedIn.error.message}`);
      await desk.sync.syncNow();
    }
    const started = Date.now();
    const deadline = started + opts.maxMs;
    // Each office draws from its own generator: their actions do not depend on the interleaving.
    const seeds = offices.map(() => Math.floor(rand() * 2 ** 32));
    const progress: Progress = { turns: 0 };
    await Promise.all([
      ...offices.map((office, i) => actAsOffice(office, slots, random(seeds[i]!), opts, deadline, report, progress)),
      actAsBackOffice(central, slots, random(Math.floor(rand() * 2 ** 32)), opts, deadline, report, progress),
    ]);
    report.actingMs = Date.now() - started;
    const quiesceStarted = Date.now();
    report.syncRounds = await quiesce(offices);
    report.quiesceMs = Date.now() - quiesceStarted;
    report.findings = await checkSoak(central.databaseUrl, offices.map((o) => o.desk));
    return report;
  } finally {
    for (const office of offices) {
      await office.desk.close();
      await office.proxy.close();
    }
    await central.close();
  }
}
