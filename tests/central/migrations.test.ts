// Central migrations upgrade a database in place: each one is applied on top of the previous
// schema holding rows, and those rows read back afterwards.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { startCentral } from '../../src-central/central.node.ts';
import { isGroupCode, verifyGroupQr, verifyTicketQr } from '../../src-central/tickets/ticketSignature.node.ts';
import { call, Desk, group, MIGRATIONS_DIR, signIn, validatedDesk } from './centralTestClient.node.ts';
import { checkoutRequest, pay, putsOf } from './orderTestKit.node.ts';

const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
const folders: string[] = [];

/** How to take a database back across a migration, for the tests that start from one made by today's service. */
const UNDO: Record<string, string> = {
  '0016_template_epoch': 'ALTER TABLE pull_epoch DROP COLUMN template_epoch;',
  '0015_refresh_predecessor': 'DROP INDEX sessions_predecessor; ALTER TABLE sessions DROP COLUMN predecessor_hash;',
  '0014_venue_request_dossiers': 'ALTER TABLE venue_requests DROP COLUMN dossier_id;',
  '0013_dossiers': `
    ALTER TABLE options DROP COLUMN dossier_id;
    DROP TABLE dossiers;`,
  '0012_transaction_versions': `
    DROP TABLE pull_epoch;
    CREATE TABLE server_version (id integer PRIMARY KEY DEFAULT 1 NOT NULL, v bigint DEFAULT 0 NOT NULL,
      CONSTRAINT server_version_single_row CHECK (id = 1));
    INSERT INTO server_version VALUES (1, (SELECT greatest((SELECT max(version) FROM slots), (SELECT max(version) FROM options),
      (SELECT max(version) FROM orders), (SELECT max(version) FROM vouchers), 0)));
    CREATE OR REPLACE FUNCTION redeem_voucher(p_code text, p_museum text, p_till text, p_now timestamptz)
    RETURNS TABLE (voucher_id text, voucher_label jsonb) LANGUAGE plpgsql AS $$
    DECLARE used_id text; used_label jsonb; taken bigint;
    BEGIN
      UPDATE vouchers SET state = 'used', used_at = p_now, used_museum_id = p_museum, used_till = p_till
        WHERE code = p_code AND state = 'valid' AND museum_id = p_museum AND valid_until > p_now
        RETURNING id, label INTO used_id, used_label;
      IF used_id IS NULL THEN RETURN; END IF;
      UPDATE server_version SET v = v + 1 WHERE id = 1 RETURNING v INTO taken;
      UPDATE vouchers SET version = taken WHERE id = used_id;
      voucher_id := used_id; voucher_label := used_label; RETURN NEXT;
    END $$;`,
  '0011_voucher_assignments': `
    DROP TABLE voucher_assign_requests;
    ALTER TABLE vouchers DROP COLUMN assigned_email, DROP COLUMN assigned_name, DROP COLUMN assigned_at, DROP COLUMN assign_request_id;`,
  '0010_pro_accounts': `
    ALTER TABLE offices DROP COLUMN legal_form, DROP COLUMN siret, DROP COLUMN vat_number, DROP COLUMN website, DROP COLUMN civility,
      DROP COLUMN first_name, DROP COLUMN surname, DROP COLUMN phone, DROP COLUMN job_title, DROP COLUMN street, DROP COLUMN postcode,
      DROP COLUMN city, DROP COLUMN country, DROP COLUMN language, DROP COLUMN created_mail_sent_at, DROP COLUMN validated_mail_sent_at;`,
  '0008_key_ids': `
    CREATE TABLE signing_key (id integer PRIMARY KEY DEFAULT 1 NOT NULL, key_id text NOT NULL, private_key_pem text NOT NULL,
      public_key_pem text NOT NULL, created_at timestamp with time zone NOT NULL, CONSTRAINT signing_key_single_row CHECK (id = 1));
    INSERT INTO signing_key SELECT 1, key_id, private_key_pem, public_key_pem, created_at FROM ticket_keys;
    DROP TABLE ticket_keys;
    DROP TABLE revoked_sessions;
    ALTER TABLE sessions DROP COLUMN session_id;`,
  '0009_vouchers': `
    DROP FUNCTION redeem_voucher;
    DROP TABLE vouchers;
    DROP TABLE voucher_museums;
    ALTER TABLE orders DROP COLUMN voucher_lines;`,
};

/** Takes a PGlite database back to the schema it had just after `tag`: every later migration undone, newest first, and forgotten. */
async function rollBackTo(dataDir: string, tag: string): Promise<void> {
  const at = journal.entries.findIndex((e) => e.tag === tag);
  const raw = new PGlite(dataDir);
  try {
    for (const { tag: later } of journal.entries.slice(at + 1).reverse()) {
      if (!(later in UNDO)) throw new Error(`No way back across ${later}: add it to UNDO.`);
      await raw.exec(UNDO[later]!);
    }
    await raw.query('DELETE FROM drizzle.__drizzle_migrations WHERE created_at > $1', [journal.entries[at]!.when]);
  } finally {
    await raw.close();
  }
}

/** The migration just before `tag`. */
const previousOf = (tag: string) => journal.entries[journal.entries.findIndex((e) => e.tag === tag) - 1]!.tag;

/** The migrations folder as it was when `lastTag` was the newest migration. */
function migrationsUpTo(lastTag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-migrations-'));
  folders.push(dir);
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag) + 1);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

describe('central migrations', () => {
  it('0002_orders keeps existing options (with no order) and starts order and ticket numbers', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo('0001_companions') });
      await client.exec(`
        INSERT INTO offices VALUES ('11111111-1111-4111-8111-111111111111', 'Voyages', 'Agent', 'a@example.org', 'x', 'validated', now());
        INSERT INTO venues VALUES ('conciergerie', 0, '{}', 1);
        INSERT INTO slots (id, venue_id, starts_at, local_date, local_time, capacity, held, version)
          VALUES ('conciergerie:2025-04-15T12:00:00.000Z', 'conciergerie', '2025-04-15T12:00:00Z', '2025-04-15', '14:00', 26, 10, 1);
        INSERT INTO options VALUES ('22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111', 'conciergerie',
          'conciergerie:2025-04-15T12:00:00.000Z', '2025-04-15T12:00:00Z', '{"visitors":10,"guides":0,"leaders":0}', 10, 17000,
          'active', '2025-02-14T12:00:00Z', NULL, now(), now(), 1);`);

      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

      const { rows: options } = await client.query<{ id: string; state: string; order_id: string | null }>('SELECT id, state, order_id FROM options');
      expect(options).toEqual([{ id: '22222222-2222-4222-8222-222222222222', state: 'active', order_id: null }]);
      const { rows: slot } = await client.query<{ held: number; sold: number }>('SELECT held, sold FROM slots');
      expect(slot).toEqual([{ held: 10, sold: 0 }]);
      const { rows: [numbers] } = await client.query<{ o: string; t: string }>(
        "SELECT nextval('order_numbers')::text AS o, nextval('ticket_numbers')::text AS t");
      expect(numbers).toEqual({ o: '1', t: '1000000000' });
      // Selling more than the slot holds is still refused by the CHECK.
      await expect(client.query('UPDATE slots SET held = held - 10, sold = sold + 27')).rejects.toThrow(/slots_capacity/);
    } finally {
      await client.close();
    }
  });

  it('0003_venue_requests keeps every office and companion, and holds requests only for a known office and venue', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    const office = '11111111-1111-4111-8111-111111111111';
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo('0002_orders') });
      await client.exec(`
        INSERT INTO offices VALUES ('${office}', 'Voyages', 'Agent', 'a@example.org', 'x', 'validated', now());
        INSERT INTO venues VALUES ('pantheon', 5, '{}', 1);
        INSERT INTO companions VALUES ('33333333-3333-4333-8333-333333333333', '${office}', 'guide', 'NDIAYE', 'Anna', NULL, NULL, false, now(), false, 2);`);

      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

      const { rows: companions } = await client.query<{ surname: string; version: string }>('SELECT surname, version::text FROM companions');
      expect(companions).toEqual([{ surname: 'NDIAYE', version: '2' }]);
      const request = (id: string, officeId: string, venueId: string) => `INSERT INTO venue_requests VALUES ('${id}', '${officeId}', '${venueId}',
        '2025-04-02', 30, 'sent', '', '2025-01-10T09:00:00Z', NULL, NULL, NULL, '2025-01-10T09:00:00Z', 3)`;
      await client.exec(request('44444444-4444-4444-8444-444444444444', office, 'pantheon'));
      const { rows: requests } = await client.query<{ state: string; head_count: number }>('SELECT state, head_count FROM venue_requests');
      expect(requests).toEqual([{ state: 'sent', head_count: 30 }]);
      await expect(client.exec(request('55555555-5555-4555-8555-555555555555', office, 'tour-eiffel'))).rejects.toThrow(/venue_id/);
      await expect(client.exec(request('55555555-5555-4555-8555-555555555555', '66666666-6666-4666-8666-666666666666', 'pantheon')))
        .rejects.toThrow(/office_id/);
    } finally {
      await client.close();
    }
  });

  it('0006_rate_limits keeps every office and session, and starts counting from nothing', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    const office = '11111111-1111-4111-8111-111111111111';
    const previous = journal.entries[journal.entries.findIndex((e) => e.tag === '0006_rate_limits') - 1]!.tag;
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo(previous) });
      await client.exec(`
        INSERT INTO offices VALUES ('${office}', 'Voyages', 'Agent', 'a@example.org', 'scrypt$c2FsdA$aGFzaA', 'validated', now());
        INSERT INTO sessions VALUES ('refresh-hash', '${office}', '2025-02-10T09:00:00Z');`);

      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

      const { rows: offices } = await client.query<{ password_hash: string }>('SELECT password_hash FROM offices');
      expect(offices).toEqual([{ password_hash: 'scrypt$c2FsdA$aGFzaA' }]);
      const { rows: sessions } = await client.query<{ office_id: string }>('SELECT office_id FROM sessions');
      expect(sessions).toEqual([{ office_id: office }]);
      const { rows: counts } = await client.query('SELECT * FROM rate_limits');
      expect(counts).toEqual([]);
      await client.exec(`INSERT INTO rate_limits VALUES ('signInPerAddress:x', 1, '2025-01-10T09:10:00Z', NULL),
        ('wrongPasswordsPerAccountAndAddress:y', 5, '2025-01-11T09:00:00Z', '2025-01-10T09:01:00Z')`);
      await expect(client.exec(`INSERT INTO rate_limits VALUES ('signInPerAddress:x', 1, '2025-01-10T09:10:00Z', NULL)`)).rejects.toThrow(/duplicate key/);
    } finally {
      await client.close();
    }
  });

  it('0004_group_codes keeps the tickets, and the first start gives every sub-group already paid its group code', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0004-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const before = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 4 });
      const desk = await validatedDesk(before);
      const placed = await desk.place('conciergerie:2025-04-22T08:00:00.000Z', group(10));
      await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
      // A workstation that has pulled everything so far.
      const { cookie } = await desk.pullAll(null);
      await before.close();
      // As 0004 found it: an order paid, its tickets issued, no group code. (Its table emptied
      // rather than the migration undone, so later migrations need not be undone as well.)
      const raw = new PGlite(dataDir);
      await raw.exec('DELETE FROM group_codes');
      await raw.close();

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const patch = (await resumed.pullAll(cookie)).patch;
        const [code] = putsOf(patch, 'groupCode');
        expect(code).toMatchObject({ id: placed.option!.id, revision: 1, state: 'valid' });
        const tickets = putsOf((await resumed.pullAll(null)).patch, 'ticket');
        expect(code!.ticketNumbers).toEqual(tickets.map((t) => t.number).sort());
        expect(tickets).toHaveLength(10);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0005_transfer_deadlines gives transfers already awaited five days from the upgrade, and leaves paid orders be', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    const office = '11111111-1111-4111-8111-111111111111';
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo('0004_group_codes') });
      const order = (id: string, number: string, state: string, method: string) => `INSERT INTO orders
        (id, office_id, number, state, payment_method, payment_reference, total_cents, discount_cents, created_at, bookings, vat, version)
        VALUES ('${id}', '${office}', '${number}', '${state}', '${method}', '${number}', 17000, 0, '2025-01-10T09:00:00Z', '[]', '[]', 1)`;
      await client.exec(`
        INSERT INTO offices VALUES ('${office}', 'Voyages', 'Agent', 'a@example.org', 'x', 'validated', now());
        ${order('o-transfer', 'GCH-2025-000001', 'awaiting_transfer', 'transfer')};
        ${order('o-card', 'GCH-2025-000002', 'paid', 'card')};`);

      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

      const { rows } = await client.query<{ id: string; due_in_days: number | null; cancelled_at: string | null }>(`
        SELECT id, round(extract(epoch FROM payment_due_at - now()) / 86400)::int AS due_in_days, cancelled_at FROM orders ORDER BY id`);
      expect(rows).toEqual([{ id: 'o-card', due_in_days: null, cancelled_at: null }, { id: 'o-transfer', due_in_days: 5, cancelled_at: null }]);
      const { rows: settings } = await client.query('SELECT * FROM platform_settings');
      expect(settings).toEqual([]);
      await client.exec(`INSERT INTO platform_settings VALUES (1, '{}')`);
      await expect(client.exec(`INSERT INTO platform_settings VALUES (2, '{}')`)).rejects.toThrow(/platform_settings_single_row/);
    } finally {
      await client.close();
    }
  });

  it('0007_audit_log starts an empty log whose entries are numbered in the order written', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo('0006_rate_limits') });
      await client.exec(`INSERT INTO offices VALUES ('11111111-1111-4111-8111-111111111111', 'Voyages', 'Agent', 'a@example.org', 'x', 'validated', now())`);
      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });
      const { rows: offices } = await client.query('SELECT email FROM offices');
      expect(offices).toEqual([{ email: 'a@example.org' }]);
      await client.exec(`INSERT INTO audit_log (at, actor, action, outcome) VALUES (now(), 'back office', 'POST /admin/sweep', 200), (now(), 'a@example.org', 'sign-in', 401)`);
      const { rows } = await client.query<{ id: string; action: string }>('SELECT id::text, action FROM audit_log ORDER BY id');
      expect(rows).toEqual([{ id: '1', action: 'POST /admin/sweep' }, { id: '2', action: 'sign-in' }]);
      // Numbered by the database alone: an entry cannot be written over another's number.
      await expect(client.exec(`INSERT INTO audit_log (id, at, action, outcome) VALUES (1, now(), 'forged', 200)`)).rejects.toThrow(/cannot insert a non-DEFAULT value/);
    } finally {
      await client.close();
    }
  });

  it('0010_pro_accounts keeps every office, which reads as French, with none of the new fields and no account e-mail sent', async () => {
    const client = new PGlite();
    const db = drizzle(client);
    const office = '11111111-1111-4111-8111-111111111111';
    try {
      await migrate(db, { migrationsFolder: migrationsUpTo(previousOf('0010_pro_accounts')) });
      await client.exec(`INSERT INTO offices VALUES ('${office}', 'Voyages', 'Agent', 'a@example.org', 'x', 'validated', now())`);

      await migrate(db, { migrationsFolder: MIGRATIONS_DIR });

      const { rows } = await client.query('SELECT company, status, siret, first_name, country, language, created_mail_sent_at, validated_mail_sent_at FROM offices');
      expect(rows).toEqual([{
        company: 'Voyages', status: 'validated', siret: null, first_name: null, country: null, language: 'fr', created_mail_sent_at: null, validated_mail_sent_at: null,
      }]);
    } finally {
      await client.close();
    }
  });

  it('0008_key_ids keeps the ticket key under its id, so tickets and group codes printed before still verify, and keeps every session', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0008-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 4 });
      const desk = await validatedDesk(first);
      const placed = await desk.place('conciergerie:2025-04-22T08:00:00.000Z', group(8));
      await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
      const { patch } = await desk.pullAll(null);
      const printed = [...putsOf(patch, 'ticket').map((t) => t.qr), putsOf(patch, 'groupCode')[0]!.qr!];
      const { keyId } = TicketPublicKeySchema.parse(await (await fetch(new URL('/tickets/public-key', first.url))).json());
      await first.close();
      // Taken back to the database as it was before 0008: one signing key, in its single row.
      await rollBackTo(dataDir, previousOf('0008_key_ids'));
      const raw = new PGlite(dataDir);
      const { rows: kept } = await raw.query<{ key_id: string }>('SELECT key_id FROM signing_key');
      await raw.close();
      expect(kept).toEqual([{ key_id: keyId }]);

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const keys = TicketPublicKeySchema.parse(await (await fetch(new URL('/tickets/public-key', after.url))).json());
        expect(keys.keys.map((k) => [k.keyId, k.status])).toEqual([[keyId, 'current']]);
        const published = keys.keys.map((k) => k.publicKeyPem);
        expect(printed.map((qr) => (isGroupCode(qr) ? verifyGroupQr(qr, published) : verifyTicketQr(qr, published)))
          .map((check) => check.valid && check.keyId)).toEqual(printed.map(() => keyId));
        // The workstation signed in before goes on: its refresh token still opens a session.
        const renewed = await call(after.url, 'POST', '/auth/refresh', { refreshToken: desk.session.refreshToken });
        expect(renewed.status).toBe(200);
        const resumed = new Desk(after.url, renewed.body, desk.email);
        const again = await resumed.place('conciergerie:2025-04-23T08:00:00.000Z', group(8));
        const { tickets } = await pay(resumed, checkoutRequest([{ kind: 'option', optionId: again.option!.id, designations: [] }]));
        expect(verifyTicketQr(tickets[0]!.qr, published)).toMatchObject({ valid: true, keyId });
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0009_vouchers keeps earlier orders readable with no voucher line, and a catalogue seeded before vouchers gets the museums', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0009-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 4 });
      const desk = await validatedDesk(first);
      const placed = await desk.place('conciergerie:2025-04-22T08:00:00.000Z', group(8));
      const { order } = await pay(desk, checkoutRequest([{ kind: 'option', optionId: placed.option!.id, designations: [] }]));
      await first.close();
      await rollBackTo(dataDir, previousOf('0009_vouchers'));

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const { patch } = await resumed.pullAll(null);
        expect(putsOf(patch, 'order')).toEqual([{ ...order, voucherLines: [] }]);
        expect(putsOf(patch, 'voucherMuseum').map((m) => m.id)).toEqual(['mad-contremarques', 'nissim-de-camondo']);
        const bought = await pay(resumed, checkoutRequest([{ kind: 'voucher', itemId: randomUUID(), tariffId: 'mad-contremarques:plein', quantity: 2 }]));
        expect(bought.vouchers).toHaveLength(2);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0011_voucher_assignments keeps every code, unassigned, and a code bought before it can be e-mailed after', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0011-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 4 });
      const desk = await validatedDesk(first);
      const { vouchers } = await pay(desk, checkoutRequest([{ kind: 'voucher', itemId: randomUUID(), tariffId: 'mad-contremarques:plein', quantity: 2 }]));
      await first.close();
      await rollBackTo(dataDir, previousOf('0011_voucher_assignments'));

      const dropDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0011-mail-'));
      folders.push(dropDir);
      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, mail: { from: 'x@guichet.example', dropDir } });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const pulled = putsOf((await resumed.pullAll(null)).patch, 'voucher');
        expect(pulled.map((v) => [v.code, v.assignedTo]).sort()).toEqual(vouchers.map((v) => [v.code, null]).sort());
        const answer = await resumed.authed('POST', '/vouchers/assign', { requestId: randomUUID(), assignments: [{ voucherId: vouchers[0]!.id, email: 'lea@example.org' }] });
        expect(answer.body).toMatchObject({ results: [{ ok: true, voucher: { assignedTo: { email: 'lea@example.org' } } }] });
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0012_transaction_versions starts every desktop over from a cookie of before, losing nothing, and later changes pull as deltas', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0012-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 3 });
      const desk = await validatedDesk(first);
      const placed = await desk.place('arc-de-triomphe:2025-03-20T13:00:00.000Z', group(8));
      const { vouchers } = await pay(desk, checkoutRequest([{ kind: 'voucher', itemId: randomUUID(), tariffId: 'mad-contremarques:plein', quantity: 1 }]));
      await first.close();
      await rollBackTo(dataDir, previousOf('0012_transaction_versions'));
      // A cookie as the counter's service issued them.
      const oldCookie = Buffer.from(JSON.stringify({ v: 1_000_000, e: 'voucher', i: 'zz', s: 'catalogue' })).toString('base64url');

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const whole = await resumed.pullAll(oldCookie);
        expect(putsOf(whole.patch, 'option').map((o) => o.id)).toEqual([placed.option!.id]);
        expect(putsOf(whole.patch, 'voucher').map((v) => v.code)).toEqual([vouchers[0]!.code]);
        expect(putsOf(whole.patch, 'slot').length).toBeGreaterThan(1_000);

        const quiet = await resumed.pull(whole.cookie);
        expect(quiet.patch).toEqual([]);
        const redeemed = await call(after.url, 'POST', '/vouchers/redeem', { code: vouchers[0]!.code }, { 'x-till-token': after.tillToken('mad-contremarques') });
        expect(redeemed.status).toBe(200);
        const delta = await resumed.pull(quiet.cookie);
        expect(delta.patch).toEqual([expect.objectContaining({ entity: 'voucher', value: expect.objectContaining({ state: 'used' }) })]);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0013_dossiers keeps every option, in no dossier, and one placed before it can be moved into a dossier saved after', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0013-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 3 });
      const desk = await validatedDesk(first);
      const placed = await desk.place('arc-de-triomphe:2025-03-20T13:00:00.000Z', group(8));
      await first.close();
      await rollBackTo(dataDir, previousOf('0013_dossiers'));

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const { patch, cookie } = await resumed.pullAll(null);
        expect(putsOf(patch, 'option').map((o) => [o.id, o.state, o.dossierId])).toEqual([[placed.option!.id, 'active', null]]);
        const dossierId = randomUUID();
        expect(await resumed.mutate('dossier.save', {
          dossierId, name: 'Lycée Voltaire', clientReference: null, contactName: null, contactEmail: null, contactPhone: null,
          expectedPeople: 8, travelFrom: null, travelTo: null, notes: null,
        })).toMatchObject({ status: 'applied' });
        expect(await resumed.mutate('option.moveToDossier', { optionId: placed.option!.id, dossierId })).toMatchObject({ status: 'applied' });
        expect(putsOf((await resumed.pull(cookie)).patch, 'option').map((o) => o.dossierId)).toEqual([dossierId]);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0014_venue_request_dossiers keeps every request, in no dossier, and a step saved after it can name one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0014-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    const request = {
      requestId: randomUUID(), venueId: 'pantheon', visitDate: '2025-04-02', headCount: 30, state: 'sent', notes: 'Car à 9 h 30',
      sentAt: '2025-01-10T09:00:00.000Z', confirmedAt: null, paidAt: null, doneAt: null,
    };
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 1 });
      const desk = await validatedDesk(first);
      expect(await desk.mutate('venueRequest.save', request)).toMatchObject({ status: 'applied' });
      await first.close();
      await rollBackTo(dataDir, previousOf('0014_venue_request_dossiers'));

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const { patch, cookie } = await resumed.pullAll(null);
        expect(putsOf(patch, 'venueRequest').map((r) => [r.id, r.notes, r.dossierId])).toEqual([[request.requestId, 'Car à 9 h 30', null]]);
        const dossierId = randomUUID();
        await resumed.mutate('dossier.save', {
          dossierId, name: 'Lycée Voltaire', clientReference: null, contactName: null, contactEmail: null, contactPhone: null,
          expectedPeople: 30, travelFrom: null, travelTo: null, notes: null,
        });
        expect(await resumed.mutate('venueRequest.save', { ...request, state: 'confirmed', confirmedAt: '2025-01-11T09:00:00.000Z', dossierId }))
          .toMatchObject({ status: 'applied' });
        expect(putsOf((await resumed.pull(cookie)).patch, 'venueRequest').map((r) => [r.state, r.dossierId])).toEqual([['confirmed', dossierId]]);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0015_refresh_predecessor keeps every signed-in desk signed in: its refresh token exchanged once, twice if the first answer was lost', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0015-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 1 });
      const desk = await validatedDesk(first);
      await first.close();
      await rollBackTo(dataDir, previousOf('0015_refresh_predecessor'));

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const refresh = (refreshToken: string) => call(after.url, 'POST', '/auth/refresh', { refreshToken });
        expect((await refresh(desk.session.refreshToken)).status).toBe(200);
        const again = await refresh(desk.session.refreshToken);
        expect(again.status).toBe(200);
        expect((await refresh(again.body.refreshToken)).status).toBe(200);
        expect((await refresh(desk.session.refreshToken)).status).toBe(401);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('0016_template_epoch keeps the epoch: a desktop synced before the upgrade pulls on with only what changed since', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-0016-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 3 });
      const desk = await validatedDesk(first);
      const { cookie } = await desk.pullAll(null);
      await first.close();
      await rollBackTo(dataDir, previousOf('0016_template_epoch'));

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 3 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const other = await validatedDesk(after);
        await other.place('arc-de-triomphe:2025-03-21T13:00:00.000Z', group(9));
        const delta = await resumed.pull(cookie);
        expect(delta.patch).toEqual([expect.objectContaining({ entity: 'slot', id: 'arc-de-triomphe:2025-03-21T13:00:00.000Z' })]);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a database restored into another cluster (transaction ids counted again) gets a new epoch: every desktop pulls everything again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-central-epoch-'));
    const clock = () => new Date('2025-01-10T09:00:00Z');
    try {
      const first = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0, seedMonths: 3 });
      const desk = await validatedDesk(first);
      await desk.place('arc-de-triomphe:2025-03-20T13:00:00.000Z', group(8));
      const { cookie } = await desk.pullAll(null);
      await first.close();
      // What a restore into a new cluster looks like from inside: the ids of the last start lie ahead.
      const raw = new PGlite(dataDir);
      await raw.exec('UPDATE pull_epoch SET seen_xid = 9000000000; UPDATE slots SET version = 9000000000');
      await raw.close();

      const after = await startCentral({ migrationsDir: MIGRATIONS_DIR, dataDir, now: clock, sweepEveryMs: 0 });
      try {
        const resumed = new Desk(after.url, await signIn(after.url, desk.email), desk.email);
        const again = await resumed.pullAll(cookie);
        expect(putsOf(again.patch, 'option')).toHaveLength(1);
        expect(putsOf(again.patch, 'slot').length).toBeGreaterThan(100);
        const other = await validatedDesk(after);
        await other.place('arc-de-triomphe:2025-03-21T13:00:00.000Z', group(9));
        const delta = await resumed.pull(again.cookie);
        expect(delta.patch).toEqual([expect.objectContaining({ entity: 'slot', id: 'arc-de-triomphe:2025-03-21T13:00:00.000Z' })]);
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
