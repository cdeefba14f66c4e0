// What a venue's verifier says of one scanned code: the facts of a ticket or a group code
// signed by the service, or why it is not one.
import { DateTime } from 'luxon';
import { demoVenues } from '../../src-main/core/domain/demoCatalogue.std.ts';
import { isGroupCode, verifyGroupQr, verifyTicketQr, type InvalidReason, type TrustedKeys } from './ticketSignature.node.ts';

const WHY_NOT: Record<InvalidReason, string> = {
  malformed: 'not a Guichet code',
  other_key: 'signed with another key than this service\'s',
  bad_signature: 'altered or forged: the signature does not match',
};

function venueName(venueId: string): string {
  return demoVenues.find((v) => v.id === venueId)?.name ?? venueId;
}

/** "18 March 2025 13:15" in the venue's zone, from a slot id `${venueId}:${instant}`. */
function slotTime(slotId: string, venueId: string): string {
  const zone = demoVenues.find((v) => v.id === venueId)?.timeZone ?? 'Europe/Paris';
  const at = DateTime.fromISO(slotId.slice(slotId.indexOf(':') + 1), { zone });
  return at.isValid ? at.setLocale('en-GB').toFormat('d LLLL yyyy HH:mm') : slotId;
}

export function reportCode(code: string, keys: TrustedKeys): { valid: boolean; line: string } {
  if (isGroupCode(code)) {
    const check = verifyGroupQr(code, keys);
    if (!check.valid) return { valid: false, line: `✗ group code refused: ${WHY_NOT[check.reason]}` };
    const { facts } = check;
    const { visitors, guides, leaders } = facts.people;
    return {
      valid: true,
      line: `✓ group code (revision ${facts.revision}): ${venueName(facts.venueId)}, ${slotTime(facts.slotId, facts.venueId)}, `
        + `${facts.ticketNumbers.length} tickets — ${visitors} visitors, ${guides} guides, ${leaders} leaders: ${facts.ticketNumbers.join(' ')}`,
    };
  }
  const check = verifyTicketQr(code, keys);
  if (!check.valid) return { valid: false, line: `✗ ticket refused: ${WHY_NOT[check.reason]}` };
  const { facts } = check;
  const when = facts.slotId ? slotTime(facts.slotId, facts.venueId) : `valid until ${DateTime.fromISO(facts.validUntil).setLocale('en-GB').toFormat('d LLLL yyyy')}`;
  return { valid: true, line: `✓ ticket ${facts.number}: ${venueName(facts.venueId)}, ${when}, ${facts.kind}` };
}
