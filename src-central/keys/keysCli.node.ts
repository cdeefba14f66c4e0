// `npm run central:keys -- new FILE`: a key file with a fresh token key and ticket key, readable
// by its owner only. `npm run central:keys -- rotate FILE token|ticket`: a fresh key of that
// kind signs from the next start; the one it replaces is kept as retired — a token key for the
// tokens it signed until now (15 minutes), a ticket key (its public half) for every code it
// signed. Give the file to every API process with GUICHET_KEYS_FILE=FILE, and restart them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ACCESS_TOKEN_SECONDS, CLOCK_SKEW_SECONDS, tokenKeyId } from '../accounts/tokens.node.ts';
import { generateSigningKey, trustedKeys } from '../tickets/ticketSignature.node.ts';
import { KeyProblem, readKeyFile, ticketPublicKey, tokenSecret, type KeySet } from './keySet.node.ts';

const USAGE = 'Usage: npm run central:keys -- new FILE | rotate FILE token|ticket';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const newTokenKey = () => randomBytes(32).toString('base64url');

/** Written whole or not at all, never readable by another user, even for a moment. */
function writeKeyFile(file: string, keys: KeySet, replace: boolean): void {
  const text = `${JSON.stringify(keys, null, 2)}\n`;
  if (!replace) {
    fs.writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
    return;
  }
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text, { mode: 0o600, flag: 'wx' });
  fs.renameSync(temporary, file);
}

const tokenIdOf = (secret: string) => tokenKeyId(tokenSecret(secret, 'token key'));

function rotate(keys: KeySet, kind: 'token' | 'ticket', now: Date): string {
  if (kind === 'token') {
    const old = keys.token?.current;
    // A retired token key is useless once the last token it signed has lapsed.
    const stillNeeded = (keys.token?.retired ?? [])
      .filter((r) => new Date(r.retiredAt).getTime() + (ACCESS_TOKEN_SECONDS + CLOCK_SKEW_SECONDS) * 1000 > now.getTime());
    const current = newTokenKey();
    keys.token = { current, retired: old ? [{ secret: old, retiredAt: now.toISOString() }, ...stillNeeded] : stillNeeded };
    return `Token key rotated: ${tokenIdOf(current)} signs from the next start`
      + (old ? `; retired ${tokenIdOf(old)} verifies the tokens it signed until now, for their last 15 minutes.` : '.');
  }
  const old = keys.ticket?.current;
  const fresh = generateSigningKey();
  const oldPublic = old ? ticketPublicKey(old, `${kind}.current`) : null;
  keys.ticket = { current: fresh.privateKeyPem, retired: [...(oldPublic ? [oldPublic] : []), ...(keys.ticket?.retired ?? [])] };
  return `Ticket key rotated: ${fresh.keyId} signs from the next start`
    + (oldPublic ? `; retired ${[...trustedKeys(oldPublic).keys()][0]} goes on verifying every code it signed.` : '.');
}

const [command, file, kind] = process.argv.slice(2);
if (!file) fail(USAGE);
try {
  if (command === 'new') {
    if (fs.existsSync(file)) fail(`${file} exists already: rotate its keys instead (npm run central:keys -- rotate ${file} token|ticket).`);
    const ticket = generateSigningKey();
    const token = newTokenKey();
    writeKeyFile(file, { token: { current: token, retired: [] }, ticket: { current: ticket.privateKeyPem, retired: [] } }, false);
    console.log(`Keys written to ${file}: token key ${tokenIdOf(token)}, ticket key ${ticket.keyId}. `
      + `Keep the file off the database's backups, readable by the service only; start it with GUICHET_KEYS_FILE=${file}.`);
  } else if (command === 'rotate' && (kind === 'token' || kind === 'ticket')) {
    const keys = readKeyFile(file);
    const said = rotate(keys, kind, new Date());
    writeKeyFile(file, keys, true);
    console.log(`${said} Restart every API process with ${file}.`);
  } else {
    fail(USAGE);
  }
} catch (error) {
  if (error instanceof KeyProblem) fail(error.message);
  throw error;
}
