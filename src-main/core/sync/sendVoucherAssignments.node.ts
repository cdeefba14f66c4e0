// Sends the voucher e-mails asked for on this workstation to the central service: at once when
// the agent asks, and again at each sync cycle for those still waiting (offline, or their answer
// lost). Each carries its request id, so the service e-mails nobody twice however often it goes.
import type { VoucherAssignOutcome } from '../../contract/centralApi.std.ts';
import type { Store } from '../store/openStore.node.ts';
import { markAssignRequestSent, pendingAssignRequests, type AssignRequestRow } from '../store/voucherAssignRepo.node.ts';
import { putVoucher } from '../store/vouchersRepo.node.ts';
import { CentralRefusal, OfflineError, type CentralClient } from './centralClient.node.ts';

export type SendOutcome =
  | { kind: 'sent'; results: VoucherAssignOutcome[] }
  /** Still waiting: offline, or the service asks to wait; it goes again at the next cycle. */
  | { kind: 'pending'; offline: boolean }
  /** The service will never take it as it is (no mail server, say): answered, nothing sent. */
  | { kind: 'refused'; code: string; message: string };

type Authorised = <T>(call: (token: string) => Promise<T>) => Promise<T>;

/** Refusals that only ask to come back later: the request stays pending. */
const LATER = new Set(['VOUCHER_ASSIGN_UNDER_WAY', 'RATE_LIMITED', 'TICKET_MAILS_BUSY', 'UNAUTHORIZED', 'TOKEN_EXPIRED']);

// One send of a request at a time on this workstation (the agent's and the sync cycle's).
const underWay = new WeakMap<Store, Set<string>>();

export async function sendAssignRequest(
  store: Store, authorised: Authorised, client: CentralClient, request: AssignRequestRow, now: () => Date,
): Promise<SendOutcome> {
  const sending = underWay.get(store) ?? new Set<string>();
  underWay.set(store, sending);
  if (sending.has(request.requestId)) return { kind: 'pending', offline: false };
  sending.add(request.requestId);
  try {
    const { results } = await authorised((token) => client.assignVouchers(token, request));
    store.sqlite.transaction(() => {
      for (const r of results) if (r.ok) putVoucher(store.db, r.voucher);
      markAssignRequestSent(store.db, request, { results }, now().toISOString());
    })();
    return { kind: 'sent', results };
  } catch (error) {
    if (error instanceof OfflineError) return { kind: 'pending', offline: true };
    if (error instanceof CentralRefusal) {
      if (LATER.has(error.code)) return { kind: 'pending', offline: false };
      // A whole request refused as MAIL_FAILED is the service without a mail server, not one address.
      const code = error.code === 'MAIL_FAILED' ? 'NO_MAIL_SERVER' : error.code;
      markAssignRequestSent(store.db, request, { refused: { code, message: error.message } }, now().toISOString());
      return { kind: 'refused', code: error.code, message: error.message };
    }
    throw error;
  } finally {
    sending.delete(request.requestId);
  }
}

/** Sends every request still waiting, oldest first; stops at the first the network loses. Answers whether any went. */
export async function sendPendingAssignments(store: Store, authorised: Authorised, client: CentralClient, now: () => Date): Promise<boolean> {
  let answered = false;
  for (const request of pendingAssignRequests(store.db)) {
    const outcome = await sendAssignRequest(store, authorised, client, request, now);
    if (outcome.kind === 'pending' && outcome.offline) break;
    answered ||= outcome.kind !== 'pending';
  }
  return answered;
}
