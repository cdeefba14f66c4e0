import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFromFutureError, loadMigrations, migrate, schemaVersion } from '../../src-main/core/store/migrations.node.ts';
import { openStore } from '../../src-main/core/store/openStore.node.ts';
import { MIGRATIONS_DIR, tempDir } from '../support/tempCore.node.ts';

const dirs: string[] = [];
const freshFile = () => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'guichet.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('local store migrations', () => {
  it('are numbered from the drizzle journal', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]!.tag).toBe('0000_initial');
  });

  it('0000_initial creates every table, which then stores and returns an office record', () => {
    const store = openStore(freshFile(), MIGRATIONS_DIR);
    expect(store.schemaVersion).toBe(loadMigrations(MIGRATIONS_DIR).length);
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining([
      'companions', 'contacts', 'options', 'orders', 'outbox', 'server_closed_days', 'server_products',
      'server_slots', 'server_venues', 'server_voucher_museums', 'settings', 'tickets', 'vouchers',
    ]));
    store.sqlite.prepare("INSERT INTO companions (id, kind, surname, first_name, updated_at) VALUES ('c1', 'guide', 'LAGO', 'Lola', '2025-01-01T00:00:00Z')").run();
    store.close();
    const reopened = openStore(store.file, MIGRATIONS_DIR);
    expect(reopened.sqlite.prepare("SELECT surname FROM companions WHERE id = 'c1'").pluck().get()).toBe('LAGO');
    reopened.close();
  });

  it('opens in WAL mode with synchronous=FULL', () => {
    const store = openStore(freshFile(), MIGRATIONS_DIR);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });

  it('refuses a database written by a newer Guichet, and leaves it untouched', () => {
    const file = freshFile();
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma('user_version = 99');
    future.close();
    expect(() => openStore(file, MIGRATIONS_DIR)).toThrow(DatabaseFromFutureError);
    expect(() => openStore(file, MIGRATIONS_DIR)).toThrow(/newer version of Guichet/);
    const after = new Database(file);
    expect(schemaVersion(after)).toBe(99);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'server_venues'").pluck().get()).toBe(0);
    after.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const sqlite = new Database(freshFile());
    const broken = [
      ...loadMigrations(MIGRATIONS_DIR),
      { version: 2, tag: '0001_broken', statements: ['CREATE TABLE extra (x)', 'THIS IS NOT SQL'] },
    ];
    expect(() => migrate(sqlite, broken)).toThrow();
    expect(schemaVersion(sqlite)).toBe(0);
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    sqlite.close();
  });
});

describe('migration 0001_venue_requests', () => {
  it('keeps the rows of version 1 and adds the request tracker', () => {
    const file = freshFile();
    const sqlite = new Database(file);
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 1)).toBe(1);
    sqlite.prepare("INSERT INTO companions (id, kind, surname, first_name, updated_at) VALUES ('c1', 'leader', 'NDIAYE', 'Anna', '2025-01-01T00:00:00Z')").run();
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"fr\"')").run();
    expect(migrate(sqlite, migrations, 2)).toBe(2);
    expect(sqlite.prepare("SELECT first_name FROM companions WHERE id = 'c1'").pluck().get()).toBe('Anna');
    expect(sqlite.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get()).toBe('"fr"');
    sqlite.prepare("INSERT INTO venue_requests (id, venue_id, visit_date, head_count, state, sent_at) VALUES ('r1', 'pantheon', '2025-04-02', 30, 'sent', '2025-01-10T09:00:00Z')").run();
    expect(sqlite.prepare("SELECT notes FROM venue_requests WHERE id = 'r1'").pluck().get()).toBe('');
    sqlite.close();
  });
});

describe('migration 0002_orders_tickets_mirror', () => {
  it('keeps the rows of version 2 and stores orders and tickets as the central service sends them; vouchers still refer to orders', () => {
    const sqlite = new Database(freshFile());
    sqlite.pragma('foreign_keys = ON');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 2)).toBe(2);
    sqlite.prepare("INSERT INTO companions (id, kind, surname, first_name, updated_at) VALUES ('c1', 'leader', 'NDIAYE', 'Anna', '2025-01-01T00:00:00Z')").run();
    sqlite.prepare("INSERT INTO contacts (id, surname, first_name, email, updated_at) VALUES ('k1', 'LAGO', 'Lola', 'lola@example.org', '2025-01-01T00:00:00Z')").run();
    sqlite.prepare("INSERT INTO vouchers (id, code, venue_id) VALUES ('v1', 'MAD-0001', 'arts-decoratifs')").run();
    sqlite.prepare("INSERT INTO venue_requests (id, venue_id, visit_date, head_count, state, sent_at) VALUES ('r1', 'pantheon', '2025-04-02', 30, 'sent', '2025-01-10T09:00:00Z')").run();

    expect(migrate(sqlite, migrations, 3)).toBe(3);
    expect(sqlite.prepare("SELECT first_name FROM companions WHERE id = 'c1'").pluck().get()).toBe('Anna');
    expect(sqlite.prepare("SELECT email FROM contacts WHERE id = 'k1'").pluck().get()).toBe('lola@example.org');
    expect(sqlite.prepare("SELECT code FROM vouchers WHERE id = 'v1'").pluck().get()).toBe('MAD-0001');
    expect(sqlite.prepare("SELECT head_count FROM venue_requests WHERE id = 'r1'").pluck().get()).toBe(30);

    const order = { id: 'o1', number: 'GCH-2025-000001', state: 'paid', createdAt: '2025-01-10T09:00:00.000Z', totalCents: 27200 };
    sqlite.prepare('INSERT INTO orders (id, number, state, created_at, value) VALUES (?, ?, ?, ?, ?)')
      .run(order.id, order.number, order.state, order.createdAt, JSON.stringify(order));
    sqlite.prepare("INSERT INTO tickets (id, order_id, number, state, value) VALUES ('t1', 'o1', 'T-1', 'valid', '{\"id\":\"t1\"}')").run();
    expect(JSON.parse(sqlite.prepare("SELECT value FROM orders WHERE number = 'GCH-2025-000001'").pluck().get() as string)).toEqual(order);
    expect(sqlite.prepare("SELECT number FROM tickets WHERE order_id = 'o1'").pluck().all()).toEqual(['T-1']);

    sqlite.prepare("UPDATE vouchers SET order_id = 'o1' WHERE id = 'v1'").run();
    expect(() => sqlite.prepare("UPDATE vouchers SET order_id = 'no-such-order' WHERE id = 'v1'").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});

describe('migration 0003_group_codes', () => {
  it('keeps the orders and tickets of version 3 and mirrors each sub-group\'s group code beside them', () => {
    const sqlite = new Database(freshFile());
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 3)).toBe(3);
    sqlite.prepare("INSERT INTO orders (id, number, state, created_at, value) VALUES ('o1', 'GCH-2025-000001', 'paid', '2025-01-10T09:00:00.000Z', '{}')").run();
    sqlite.prepare("INSERT INTO tickets (id, order_id, number, state, value) VALUES ('t1', 'o1', 'T-1', 'valid', '{\"id\":\"t1\"}')").run();

    expect(migrate(sqlite, migrations, 4)).toBe(4);
    expect(sqlite.prepare("SELECT number FROM tickets WHERE order_id = 'o1'").pluck().all()).toEqual(['T-1']);
    sqlite.prepare("INSERT INTO group_codes (id, order_id, state, value) VALUES ('option-1', 'o1', 'valid', '{\"revision\":1}')").run();
    expect(sqlite.prepare("SELECT id FROM group_codes WHERE order_id = 'o1'").pluck().all()).toEqual(['option-1']);
    sqlite.close();
  });
});

describe('migration 0004_print_history', () => {
  it('keeps the tickets of version 4 and records which of them were printed, by which workstation', () => {
    const sqlite = new Database(freshFile());
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 4)).toBe(4);
    sqlite.prepare("INSERT INTO tickets (id, order_id, number, state, value) VALUES ('t1', 'o1', 'T-1', 'valid', '{\"id\":\"t1\"}')").run();

    expect(migrate(sqlite, migrations, 5)).toBe(5);
    expect(sqlite.prepare("SELECT number FROM tickets WHERE order_id = 'o1'").pluck().all()).toEqual(['T-1']);
    const { lastInsertRowid } = sqlite.prepare("INSERT INTO print_events (at, how, printer, copies, workstation) VALUES ('2026-12-03T09:02:00.000Z', 'printer', 'Accueil', 2, 'poste-1')").run();
    sqlite.prepare("INSERT INTO printed_tickets (event_id, ticket_id, order_id) VALUES (?, 't1', 'o1')").run(lastInsertRowid);
    expect(sqlite.prepare("SELECT e.workstation FROM printed_tickets p JOIN print_events e ON e.id = p.event_id WHERE p.ticket_id = 't1'").pluck().all()).toEqual(['poste-1']);
    expect(() => sqlite.prepare("INSERT INTO printed_tickets (event_id, ticket_id, order_id) VALUES (999, 't1', 'o1')").run()).toThrow(/FOREIGN KEY/);
    sqlite.close();
  });
});

describe('migration 0005_refused_changes', () => {
  it('keeps the outbox of version 5 and keeps changes the central service refused beside it, with what was sent', () => {
    const sqlite = new Database(freshFile());
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 5)).toBe(5);
    sqlite.prepare("INSERT INTO outbox (mutation_id, name, args, created_at) VALUES (7, 'contact.save', '{\"surname\":\"DURAND\"}', '2026-12-03T09:00:00.000Z')").run();

    expect(migrate(sqlite, migrations, 6)).toBe(6);
    expect(sqlite.prepare('SELECT name FROM outbox WHERE mutation_id = 7').pluck().all()).toEqual(['contact.save']);
    sqlite.prepare(`INSERT INTO refused_changes (mutation_id, name, args, code, fields, refused_at)
      VALUES (6, 'companion.save', '{"surname":"LA\\u0000GO"}', 'INVALID_INPUT', '[{"path":"surname","problem":"control_character"}]', '2026-12-03T09:01:00.000Z')`).run();
    const kept = sqlite.prepare('SELECT args, fields, rolled_back FROM refused_changes WHERE mutation_id = 6').get() as { args: string; fields: string; rolled_back: number };
    expect(JSON.parse(kept.args)).toEqual({ surname: 'LA\u0000GO' });
    expect(JSON.parse(kept.fields)).toEqual([{ path: 'surname', problem: 'control_character' }]);
    expect(kept.rolled_back).toBe(0);
    sqlite.close();
  });
});

describe('migration 0006_vouchers_mirror', () => {
  it('keeps the vouchers of version 6 as valid, unused codes, and mirrors the museums that sell them', () => {
    const sqlite = new Database(freshFile());
    sqlite.pragma('foreign_keys = ON');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 6)).toBe(6);
    sqlite.prepare("INSERT INTO vouchers (id, code, venue_id, assigned_email) VALUES ('v1', 'MAD-0001', 'mad-contremarques', 'lola@example.org')").run();

    expect(migrate(sqlite, migrations, 7)).toBe(7);
    expect(sqlite.prepare("SELECT code, assigned_email, used, state, used_at, value FROM vouchers WHERE id = 'v1'").get())
      .toEqual({ code: 'MAD-0001', assigned_email: 'lola@example.org', used: 0, state: 'valid', used_at: null, value: null });
    sqlite.prepare("INSERT INTO server_voucher_museums (id, name, sort_order, value) VALUES ('mad-contremarques', 'Musée des Arts Décoratifs', 0, '{}')").run();
    expect(sqlite.prepare('SELECT name FROM server_voucher_museums').pluck().all()).toEqual(['Musée des Arts Décoratifs']);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});

describe('migration 0007_voucher_assign_requests', () => {
  it('keeps every voucher of version 7 as it was, and holds voucher e-mails waiting for the connection', () => {
    const sqlite = new Database(freshFile());
    sqlite.pragma('foreign_keys = ON');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 7)).toBe(7);
    sqlite.prepare("INSERT INTO vouchers (id, code, venue_id, assigned_email) VALUES ('v1', 'MAD-0001', 'mad-contremarques', 'lola@example.org')").run();

    expect(migrate(sqlite, migrations, 8)).toBe(8);
    expect(sqlite.prepare("SELECT code, assigned_email, state FROM vouchers WHERE id = 'v1'").get())
      .toEqual({ code: 'MAD-0001', assigned_email: 'lola@example.org', state: 'valid' });
    sqlite.prepare("INSERT INTO voucher_assign_requests (id, language, assignments, created_at) VALUES ('r1', 'fr', '[]', '2025-01-10T09:00:00.000Z')").run();
    expect(sqlite.prepare('SELECT id, sent_at, results FROM voucher_assign_requests').all()).toEqual([{ id: 'r1', sent_at: null, results: null }]);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});

describe('migration 0008_voucher_assign_refusals', () => {
  it('keeps the voucher e-mails of version 8 as they were, and holds the refusal of each code', () => {
    const sqlite = new Database(freshFile());
    sqlite.pragma('foreign_keys = ON');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 8)).toBe(8);
    sqlite.prepare("INSERT INTO voucher_assign_requests (id, language, assignments, created_at, sent_at) VALUES ('r1', 'fr', '[]', '2025-01-10T09:00:00.000Z', '2025-01-10T09:05:00.000Z')").run();

    expect(migrate(sqlite, migrations, 9)).toBe(9);
    expect(sqlite.prepare('SELECT id, sent_at FROM voucher_assign_requests').all()).toEqual([{ id: 'r1', sent_at: '2025-01-10T09:05:00.000Z' }]);
    sqlite.prepare("INSERT INTO voucher_assign_refusals (request_id, voucher_id, email, reason, message, refused_at) VALUES ('r1', 'v1', 'lea@example.org', 'VOUCHER_USED', 'used', '2025-01-10T09:05:00.000Z')").run();
    expect(() => sqlite.prepare("INSERT INTO voucher_assign_refusals (request_id, voucher_id, email, reason, message, refused_at) VALUES ('no-such-request', 'v1', 'a@b.fr', 'X', 'x', 'now')").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
  });
});

describe('migration 0009_dossiers', () => {
  it('keeps the options of version 9 in no dossier, and a pulled option can then name one', () => {
    const sqlite = new Database(freshFile());
    sqlite.pragma('foreign_keys = ON');
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 9)).toBe(9);
    sqlite.prepare(`INSERT INTO options (id, venue_id, slot_id, starts_at, composition, total_cents, state, expires_at, group_booking_id, rejection, created_at, updated_at)
      VALUES ('o1', 'sainte-chapelle', 's1', '2025-03-18T09:00:00.000Z', '{"visitors":10,"guides":0,"leaders":0}', 0, 'active', NULL, NULL, NULL, 'now', 'now')`).run();

    expect(migrate(sqlite, migrations, 10)).toBe(10);
    expect(sqlite.prepare('SELECT id, state, dossier_id FROM options').all()).toEqual([{ id: 'o1', state: 'active', dossier_id: null }]);
    sqlite.prepare("INSERT INTO dossiers (id, name, updated_at) VALUES ('d1', 'Lycée Voltaire', 'now')").run();
    sqlite.prepare("UPDATE options SET dossier_id = 'd1' WHERE id = 'o1'").run();
    expect(sqlite.prepare('SELECT d.name FROM options o JOIN dossiers d ON d.id = o.dossier_id').all()).toEqual([{ name: 'Lycée Voltaire' }]);
    sqlite.close();
  });
});

describe('migration 0010_venue_request_dossiers', () => {
  it('keeps the requests of version 10 in no dossier, and a request can then name one', () => {
    const sqlite = new Database(freshFile());
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(sqlite, migrations, 10)).toBe(10);
    sqlite.prepare(`INSERT INTO venue_requests (id, venue_id, visit_date, head_count, state, notes, sent_at)
      VALUES ('r1', 'pantheon', '2025-04-02', 30, 'sent', 'Car à 9 h 30', '2025-01-10T09:00:00.000Z')`).run();

    expect(migrate(sqlite, migrations, 11)).toBe(11);
    expect(sqlite.prepare('SELECT id, notes, dossier_id FROM venue_requests').all()).toEqual([{ id: 'r1', notes: 'Car à 9 h 30', dossier_id: null }]);
    sqlite.prepare("UPDATE venue_requests SET dossier_id = 'd1' WHERE id = 'r1'").run();
    expect(sqlite.prepare('SELECT dossier_id FROM venue_requests').pluck().all()).toEqual(['d1']);
    sqlite.close();
  });
});
