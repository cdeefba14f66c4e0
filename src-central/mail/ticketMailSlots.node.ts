// How many ticket e-mails one office may have under way at once: waiting for a drawing
// thread, being drawn, handed to the mail server or recorded (issue 11 §6). Past that the
// office is told to wait (429, Retry-After) instead of being queued further: its agent is
// waiting on the answer (the desk gives up after 30 s and cannot tell then whether the tickets
// went), and every bundle queued is memory and drawing time the other offices wait behind.
// Several agents of one office still send at once; the pool takes offices in turn, so the
// bound is one office's share.
import { HttpError } from '../http/httpError.node.ts';

export const TICKET_MAILS_PER_OFFICE = 4;
/** About the time the bundles already under way take to go. */
export const TICKET_MAILS_RETRY_AFTER_SECONDS = 5;

export interface TicketMailSlots {
  /** Takes one of the office's slots, or refuses with 429; the function it returns gives it back. */
  take(officeId: string): () => void;
  /** Resolves once no ticket e-mail is under way (the service closing waits for it). */
  drained(): Promise<void>;
}

export function createTicketMailSlots(perOffice = TICKET_MAILS_PER_OFFICE): TicketMailSlots {
  const underWay = new Map<string, number>();
  const whenDrained: (() => void)[] = [];
  return {
    take(officeId) {
      const taken = underWay.get(officeId) ?? 0;
      if (taken >= perOffice) {
        throw new HttpError(429, 'TICKET_MAILS_BUSY',
          `This office already has ${taken} ticket e-mails under way: try again in ${TICKET_MAILS_RETRY_AFTER_SECONDS} seconds, once they have gone. Nothing was assigned.`,
          { retryAfterSeconds: TICKET_MAILS_RETRY_AFTER_SECONDS });
      }
      underWay.set(officeId, taken + 1);
      return () => {
        const left = underWay.get(officeId)! - 1;
        if (left > 0) underWay.set(officeId, left);
        else underWay.delete(officeId);
        if (underWay.size === 0) whenDrained.splice(0).forEach((wake) => wake());
      };
    },
    async drained() {
      if (underWay.size > 0) await new Promise<void>((wake) => whenDrained.push(wake));
    },
  };
}
