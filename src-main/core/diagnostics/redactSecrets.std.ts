// What leaves the computer in a diagnostics file must not let anyone act as the office or
// pay with its card: secrets are masked wherever they appear, by value when Guichet knows
// them and by shape when it cannot (a token or a card number logged by mistake).

/**
 * Signed tokens (three base64url parts) and long random strings such as refresh tokens;
 * not ids (UUIDs), which support needs to follow an option or an order.
 */
const TOKEN_SHAPED = /\b[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b|\b(?![0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)[A-Za-z0-9_-]{32,}\b/g;
/** 13 to 19 digits, grouped by spaces or dashes or not: every card scheme's length. */
const CARD_SHAPED = /\b\d(?:[ -]?\d){12,18}\b/g;
/** A value given to a field whose name says it is secret, in JSON or key=value form. */
const SECRET_FIELD = /("?(?:password|passwd|secret|token|accessToken|refreshToken|authorization|cardNumber|pan|cvc|cvv)"?\s*[:=]\s*)("[^"]*"|[^\s,;}]+)/gi;

export const MASK = '[hidden]';

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) if (secret.length >= 4) out = out.split(secret).join(MASK);
  return out
    .replace(SECRET_FIELD, (_all, field: string) => `${field}"${MASK}"`)
    .replace(TOKEN_SHAPED, MASK)
    .replace(CARD_SHAPED, MASK);
}
