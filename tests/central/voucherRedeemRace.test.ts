// Issue 12 §6 on a real PostgreSQL: many museum tills scan one voucher at the same instant. A
// barrier holds every redemption until all have arrived — just before the one call that
// redeems (redeem_voucher, migration 0009), or, in the control, inside its transaction between
// reading the voucher and marking it used — so the race happens on every run: guarded, exactly one till admits the holder and every other
// is told when and where it was used; unguarded, the code is used many times over.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RacePoints } from '../../src-central/context.node.ts';
import { barrier } from '../support/interleaving.node.ts';
import { postgresMissing } from '../support/postgres.node.ts';
import { startTestCentral, TEST_PG_URL_ENV } from '../support/testCentral.node.ts';
import { call, validatedDesk } from './centralTestClient.node.ts';
import { checkoutRequest, pay } from './orderTestKit.node.ts';

const missing = postgresMissing();
const TILLS = 20;
const MUSEUM = 'mad-contremarques';

async function redemptionRace(unsafeNoRedeemGuard: boolean) {
  const racePoints: RacePoints = {};
  const central = await startTestCentral({
    now: () => new Date('2025-01-10T09:00:00Z'), sweepEveryMs: 0, poolSize: TILLS + 10, unsafeNoRedeemGuard, racePoints,
  });
  if (!central.databaseUrl) throw new Error('the redemption race needs the run\'s PostgreSQL cluster');
  const db = new pg.Client({ connectionString: central.databaseUrl });
  await db.connect();
  try {
    const desk = await validatedDesk(central, 'Agence Contremarques');
    const { vouchers } = await pay(desk, checkoutRequest([{ kind: 'voucher', itemId: randomUUID(), tariffId: `${MUSEUM}:plein`, quantity: 1 }]));
    const { code } = vouchers[0]!;
    const scanned = barrier(TILLS);
    racePoints.voucherRedeeming = (c) => (c === code ? scanned.arrive() : Promise.resolve());
    const answers = await Promise.all(Array.from({ length: TILLS }, (_, i) => call(central.url, 'POST', '/vouchers/redeem',
      { code, till: `Caisse ${i + 1}` }, { 'x-till-token': central.tillToken(MUSEUM) })));
    const { rows: [row] } = await db.query('SELECT state, used_till FROM vouchers WHERE code = $1', [code]);
    return { answers, arrived: scanned.arrived, row: row as { state: string; used_till: string } };
  } finally {
    await db.end();
    await central.close();
  }
}

describe.skipIf(missing !== null && !process.env.CI)('one voucher scanned by many tills at once, on PostgreSQL', () => {
  beforeAll(() => {
    if (!process.env[TEST_PG_URL_ENV]) throw new Error(`The PostgreSQL concurrency suite cannot run: ${missing ?? 'no cluster was started'}`);
  });

  it('admits exactly once; every other till is told when and at which till it was used', async () => {
    const { answers, arrived, row } = await redemptionRace(false);
    expect(arrived).toBe(TILLS);
    const admitted = answers.filter((a) => a.status === 200);
    expect(admitted).toHaveLength(1);
    const winner = `Caisse ${answers.indexOf(admitted[0]!) + 1}`;
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.map((a) => [a.status, a.body.error.code, a.body.error.till, a.body.error.usedAt]))
      .toEqual(Array(TILLS - 1).fill([409, 'VOUCHER_USED', winner, '2025-01-10T09:00:00.000Z']));
    expect(row).toEqual({ state: 'used', used_till: winner });
  });

  it('control: reading the voucher and then marking it used, every till admits the holder', async () => {
    const { answers, arrived } = await redemptionRace(true);
    expect(arrived).toBe(TILLS);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(TILLS);
  });
});
