// `npm run verify-ticket -- [--key FILE] [--central URL] [--file CODES] [code …]`: a venue's
// offline check of ticket and group codes, holding nothing but the service's public keys. The
// keys are read from FILE (default ./guichet-public-key.pem) or, when that file does not exist
// yet, fetched once from the central service's GET /tickets/public-key and kept in FILE. After
// a rotation of the service's key, a code naming a key FILE does not hold makes it fetch the
// keys again, when it knows the service; the retired keys come with them, so codes printed
// before go on checking. Prints one line per code; exits 0 when every code is valid, 1 when
// one is not, 2 on misuse.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { reportCode } from './codeReport.node.ts';
import { keyIdOfCode, trustedKeys } from './ticketSignature.node.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Every key the service publishes, as one PEM text, kept in `keyFile`. */
async function fetchKeys(keyFile: string, centralUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(new URL('/tickets/public-key', centralUrl), { signal: AbortSignal.timeout(10_000) });
  } catch {
    fail(`The central service at ${centralUrl} cannot be reached to fetch its public keys; give --key FILE instead.`);
  }
  if (!response.ok) fail(`The central service at ${centralUrl} answered ${response.status} for its public keys.`);
  const { keys } = TicketPublicKeySchema.parse(await response.json());
  const pems = keys.map((k) => k.publicKeyPem.trim()).join('\n');
  fs.writeFileSync(keyFile, `${pems}\n`);
  return pems;
}

async function publicKeys(keyFile: string, centralUrl: string | undefined, codes: string[]): Promise<string> {
  if (!fs.existsSync(keyFile)) {
    if (!centralUrl) fail(`No public key: ${keyFile} does not exist. Give --key FILE, or --central URL to fetch it once.`);
    const pems = await fetchKeys(keyFile, centralUrl);
    console.error(`Public keys fetched from ${centralUrl} and kept in ${keyFile}.`);
    return pems;
  }
  const kept = fs.readFileSync(keyFile, 'utf8');
  const held = trustedKeys(kept);
  const unknown = codes.map(keyIdOfCode).find((id) => id !== null && !held.has(id));
  if (!unknown || !centralUrl) return kept;
  const pems = await fetchKeys(keyFile, centralUrl);
  console.error(`A code names key ${unknown}, which ${keyFile} does not hold: keys fetched again from ${centralUrl} and kept in ${keyFile}.`);
  return pems;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string', default: 'guichet-public-key.pem' }, central: { type: 'string' }, file: { type: 'string' } },
});
const codes = [
  ...positionals,
  ...(values.file ? fs.readFileSync(values.file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : []),
];
if (codes.length === 0) fail('Usage: npm run verify-ticket -- [--key FILE] [--central URL] [--file CODES] [code …]');
const keys = await publicKeys(values.key!, values.central ?? process.env.GUICHET_CENTRAL_URL, codes);
let allValid = true;
for (const code of codes) {
  const { valid, line } = reportCode(code, keys);
  allValid &&= valid;
  console.log(line);
}
process.exit(allValid ? 0 : 1);
