// `npm run central`: one API process. DATABASE_URL for PostgreSQL, otherwise PGlite in
// GUICHET_CENTRAL_DATA (default ~/.local/share/Guichet-central); PORT (4870);
// GUICHET_ADMIN_TOKEN (a random one is printed when absent); SMTP_URL (smtp:// or smtps://)
// and MAIL_FROM for the tickets' e-mails — without SMTP_URL and with PGlite, they are written
// as .eml files to <data folder>/mail; GUICHET_PDF_WORKERS, the threads drawing their PDFs
// (default min(2, cores − 1)). GUICHET_PAYMENTS=test is required: the test card
// acquirer is the only one here, and it is never used unasked (payments/paymentMode.node.ts).
// GUICHET_TRUST_PROXY: behind a load balancer, its addresses or CIDR ranges (comma-separated),
// or `true` to believe any X-Forwarded-For — the rate limits then count the real client.
// The signing keys: GUICHET_KEYS_FILE, or GUICHET_TOKEN_KEY and GUICHET_TICKET_KEY (with
// GUICHET_TICKET_KEYS_RETIRED); without them they are kept in the database, and it says so
// loudly (keys/keySet.node.ts).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MAIL_FROM, startCentral } from './central.node.ts';
import { KeyProblem, keysFromEnvironment, keysInDatabaseBanner, type ConfiguredKeys } from './keys/keySet.node.ts';
import { paymentModeFrom } from './payments/paymentMode.node.ts';

const payments = paymentModeFrom(process.env);
if (!payments.ok) {
  console.error(payments.problem);
  process.exit(2);
}
console.warn(payments.banner);

let keys: ConfiguredKeys;
try {
  keys = keysFromEnvironment(process.env);
} catch (error) {
  if (!(error instanceof KeyProblem)) throw error;
  console.error(`Guichet central: ${error.message}`);
  process.exit(2);
}
for (const warning of keys.warnings) console.warn(warning);
const keysBanner = keysInDatabaseBanner(keys.from);
if (keysBanner) console.warn(keysBanner);

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = databaseUrl ? undefined : process.env.GUICHET_CENTRAL_DATA || path.join(os.homedir(), '.local', 'share', 'Guichet-central');

const trustProxy = process.env.GUICHET_TRUST_PROXY === 'true'
  ? true
  : process.env.GUICHET_TRUST_PROXY?.split(',').map((a) => a.trim()).filter(Boolean);
/** A count from the environment, or undefined when unset; anything but a whole number ≥ 1 stops the start. */
function countFromEnv(name: string, what: string): number | undefined {
  const given = process.env[name];
  if (!given) return undefined;
  const count = Number(given);
  if (Number.isInteger(count) && count >= 1) return count;
  console.error(`${name} must be a whole number of ${what}, at least 1 (not "${given}").`);
  process.exit(2);
}
const pdfWorkers = countFromEnv('GUICHET_PDF_WORKERS', 'threads');
const poolSize = countFromEnv('GUICHET_DB_POOL', 'connections');

const smtpUrl = process.env.SMTP_URL || undefined;
const mailFrom = process.env.MAIL_FROM || DEFAULT_MAIL_FROM;

const central = await startCentral({
  databaseUrl,
  dataDir,
  port: Number(process.env.PORT || 4870),
  host: process.env.HOST || '127.0.0.1',
  adminToken: process.env.GUICHET_ADMIN_TOKEN || undefined,
  migrationsDir: path.join(repoRoot, 'drizzle', 'central'),
  demoAccount: process.env.GUICHET_DEMO_ACCOUNT === '1',
  trustProxy,
  mail: smtpUrl ? { smtpUrl, from: mailFrom } : dataDir ? { from: mailFrom, dropDir: path.join(dataDir, 'mail') } : undefined,
  ticketPdfWorkers: pdfWorkers,
  poolSize,
  keys: keys.keys,
});

console.log(`Guichet central service: ${central.url}`);
console.log(databaseUrl ? 'Store: PostgreSQL (DATABASE_URL)' : `Store: PGlite in ${dataDir}`);
console.log(`Keys: token key from ${keys.from.token ?? 'the database'}, ticket key from ${keys.from.ticket ?? 'the database'}`);
if (smtpUrl) console.log(`Mail: through ${new URL(smtpUrl).host}, from ${mailFrom}`);
else if (!central.mailDropDir) console.log('Mail: none (no SMTP_URL): tickets cannot be e-mailed.');
if (!process.env.GUICHET_ADMIN_TOKEN) {
  console.log(`Back-office token (x-admin-token): ${central.adminToken}`);
  // Derived from the back-office token, so they change with it (GET /admin/voucher-tills lists them too).
  for (const museumId of ['mad-contremarques', 'nissim-de-camondo']) console.log(`Voucher till token of ${museumId} (x-till-token): ${central.tillToken(museumId)}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void central.close().then(() => process.exit(0));
  });
}
