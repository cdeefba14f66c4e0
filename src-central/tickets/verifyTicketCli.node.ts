// `npm run verify-ticket -- [--key FILE] [--central URL] [--file CODES] [code …]`: a venue's
// offline check of ticket and group codes, holding nothing but the service's public key. The
// key is read from FILE (default ./guichet-public-key.pem) or, when that file does not exist
// yet, fetched once from the central service's GET /tickets/public-key and kept in FILE.
// Prints one line per code; exits 0 when every code is valid, 1 when one is not, 2 on misuse.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { TicketPublicKeySchema } from '../../src-main/contract/centralApi.std.ts';
import { reportCode } from './codeReport.node.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function publicKey(keyFile: string, centralUrl: string | undefined): Promise<string> {
  if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile, 'utf8');
  if (!centralUrl) fail(`No public key: ${keyFile} does not exist. Give --key FILE, or --central URL to fetch it once.`);
  let response: Response;
  try {
    response = await fetch(new URL('/tickets/public-key', centralUrl), { signal: AbortSignal.timeout(10_000) });
  } catch {
    fail(`The central service at ${centralUrl} cannot be reached to fetch its public key; give --key FILE instead.`);
  }
  if (!response.ok) fail(`The central service at ${centralUrl} answered ${response.status} for its public key.`);
  const { publicKeyPem } = TicketPublicKeySchema.parse(await response.json());
  fs.writeFileSync(keyFile, publicKeyPem);
  console.error(`Public key fetched from ${centralUrl} and kept in ${keyFile}.`);
  return publicKeyPem;
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
const pem = await publicKey(values.key!, values.central ?? process.env.GUICHET_CENTRAL_URL);
let allValid = true;
for (const code of codes) {
  const { valid, line } = reportCode(code, pem);
  allValid &&= valid;
  console.log(line);
}
process.exit(allValid ? 0 : 1);
