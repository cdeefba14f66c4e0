// The background loop: push what the office did, pull what changed, again and again;
// back off while the central service is unreachable; say where things stand.
import type { SyncStatusDto } from '../../contract/schemas.std.ts';
import { PULL_PAGE_MAX, type PullResponse } from '../../contract/centralApi.std.ts';
import type { Store } from '../store/openStore.node.ts';
import { countOutbox } from '../store/officeRecordsRepo.node.ts';
import { countRejectedOptions } from '../store/optionsRepo.node.ts';
import { countRefusedChanges } from '../store/refusedChangesRepo.node.ts';
import { CentralRefusal, OfflineError, type CentralClient } from './centralClient.node.ts';
import { applyPull, applyPush, type PulledEntity } from './applyServerChanges.node.ts';
import { lastNumberedMutation, pendingMutations } from './outbox.node.ts';
import { sendPendingAssignments } from './sendVoucherAssignments.node.ts';
import { syncState } from './syncState.node.ts';

const PUSH_BATCH = 100;
const POLL_EVERY_MS = 10_000;
const MAX_BACKOFF_MS = 60_000;

export interface SyncEngineOptions {
  store: Store;
  client: CentralClient;
  now(): Date;
  onStatus(status: SyncStatusDto): void;
  /** A pull changed these kinds of entity (called before onStatus). */
  onPulled?(entities: ReadonlySet<PulledEntity>): void;
  /** The platform validated the office signed in (called before onStatus). */
  onAccountChanged?(): void;
  /** A pulled page arrives; tests use it to cut a pull short. */
  onPage?(page: PullResponse, index: number): void;
}

export interface SyncEngine {
  /** One push + pull now; resolves when done (or failed, which the status then says). */
  syncNow(): Promise<SyncStatusDto>;
  status(): SyncStatusDto;
  /**
   * Runs a call to the central service with this session's access token, renewed first when
   * it is about to lapse and once more if the service refuses it. No session: UNAUTHORIZED.
   */
  authorised<T>(call: (accessToken: string) => Promise<T>): Promise<T>;
  start(): void;
  /** True while changes are on their way to the central service. */
  pushing(): boolean;
  /**
   * Runs work with no sync cycle under way or starting (a restore replaces the store under it),
   * then syncs.
   */
  exclusive<T>(work: () => T): Promise<T>;
  /**
   * For good: the app is closing. Resolves once the cycle on the network (if any) has written
   * what it got, so the store can close; later calls answer the last status without touching it.
   */
  stop(): Promise<void>;
}

export function createSyncEngine({ store, client, now, onStatus, onPulled, onAccountChanged, onPage }: SyncEngineOptions): SyncEngine {
  let connection: SyncStatusDto['connection'] = 'offline';
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<SyncStatusDto> | undefined;
  let followUp: Promise<SyncStatusDto> | undefined;
  let started = false;
  let stopped = false;
  let paused = false;
  let pushingNow = false;
  let lastStatus: SyncStatusDto = { connection: 'offline', lastSyncAt: null, pendingChanges: 0, rejectedChanges: 0, refusedChanges: 0, serverOffsetMs: 0 };

  const status = (): SyncStatusDto => ({
    connection: syncState.session(store.db) ? connection : 'signed-out',
    lastSyncAt: syncState.lastSyncAt(store.db),
    pendingChanges: countOutbox(store.db),
    rejectedChanges: countRejectedOptions(store.db),
    refusedChanges: countRefusedChanges(store.db),
    serverOffsetMs: syncState.serverOffsetMs(store.db),
  });

  async function renew(refreshToken: string): Promise<string> {
    try {
      const renewed = await client.refresh(refreshToken);
      await syncState.saveSession(store.db, renewed);
      return renewed.accessToken;
    } catch (error) {
      // A refused refresh means the session is over: the user must sign in again — unless the
      // service only asks to wait (too many refreshes from this address), when it stays good.
      if (error instanceof CentralRefusal && error.code !== 'RATE_LIMITED') syncState.signOut(store.db);
      throw error;
    }
  }

  /** The server's clock decides when a token lapses, so a refusal renews once. */
  async function authorised<T>(call: (token: string) => Promise<T>): Promise<T> {
    const session = syncState.session(store.db);
    if (!session) throw new CentralRefusal(401, 'UNAUTHORIZED', 'Not signed in.');
    const token = session.accessExpiresAtMs - 30_000 > Date.now() ? session.accessToken : await renew(session.refreshToken);
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof CentralRefusal) || (error.code !== 'TOKEN_EXPIRED' && error.code !== 'UNAUTHORIZED')) throw error;
      return call(await renew(session.refreshToken));
    }
  }

  async function cycle(): Promise<void> {
    if (!syncState.session(store.db)) return;
    const clientId = syncState.clientId(store.db);
    try {
      for (let batch = pendingMutations(store.db).slice(0, PUSH_BATCH); batch.length > 0; batch = pendingMutations(store.db).slice(0, PUSH_BATCH)) {
        pushingNow = true;
        const response = await authorised((token) => client.push(token, clientId, batch));
        applyPush(store, response.lastMutationId, response.results, now().toISOString());
        if (response.lastMutationId < batch[batch.length - 1]!.id) break;
      }
    } finally {
      pushingNow = false;
    }
    // Voucher e-mails asked for while offline go once the changes they may follow have.
    const mailed = await sendPendingAssignments(store, authorised, client, now);
    // Only the outcomes of changes still waiting matter (a push whose answer was lost).
    const firstPending = pendingMutations(store.db)[0];
    const resultsAfter = firstPending ? firstPending.id - 1 : lastNumberedMutation(store.db);
    const pages: PullResponse[] = [];
    let cookie = syncState.cookie(store.db);
    do {
      const page = await authorised((token) => client.pull(token, { clientId, cookie, resultsAfter, limit: PULL_PAGE_MAX }));
      onPage?.(page, pages.length);
      pages.push(page);
      cookie = page.cookie;
    } while (pages[pages.length - 1]!.hasMore);
    const touched = new Set(applyPull(store, pages, now()));
    if (mailed) touched.add('voucher');
    if (touched.size > 0) onPulled?.(touched);
    await followValidation();
  }

  /** Awaiting validation, the office asks each cycle whether the platform has validated it ("PRO"). */
  async function followValidation(): Promise<void> {
    if (syncState.session(store.db)?.office.status !== 'awaiting_validation') return;
    const { office } = await authorised((token) => client.me(token));
    const session = syncState.session(store.db);
    if (!session || session.office.id !== office.id || session.office.status === office.status) return;
    syncState.saveOffice(store.db, office);
    onAccountChanged?.();
  }

  function schedule(delay: number) {
    if (!started) return;
    clearTimeout(timer);
    timer = setTimeout(() => void syncNow(), delay);
  }

  function syncNow(): Promise<SyncStatusDto> {
    if (stopped || paused) return Promise.resolve(lastStatus);
    if (running) {
      // The cycle on the network may have pushed before the change that asks for this sync
      // was recorded: one more cycle follows it, shared by every caller meanwhile.
      followUp ??= running.then(() => {
        followUp = undefined;
        return syncNow();
      });
      return followUp;
    }
    running = (async () => {
      try {
        await cycle();
        connection = 'online';
        failures = 0;
      } catch (error) {
        // Whatever failed, the outbox still holds every change: the next cycle resends it.
        if (!stopped && !(error instanceof OfflineError) && !(error instanceof CentralRefusal)) console.error('[guichet] sync failed', error);
        connection = error instanceof CentralRefusal ? connection : 'offline';
        failures += 1;
      } finally {
        running = undefined;
      }
      // Stopped while the cycle was on the network: the store may be closed already.
      if (stopped) return lastStatus;
      const current = status();
      lastStatus = current;
      onStatus(current);
      schedule(failures === 0 ? POLL_EVERY_MS : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures, 6)));
      return current;
    })();
    return running;
  }

  return {
    syncNow,
    status,
    authorised,
    start() {
      started = true;
      void syncNow();
    },
    pushing: () => pushingNow,
    async exclusive(work) {
      paused = true;
      clearTimeout(timer);
      try {
        await Promise.allSettled([running, followUp]);
        return work();
      } finally {
        paused = false;
        if (started) void syncNow();
      }
    },
    async stop() {
      started = false;
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([running, followUp]);
    },
  };
}
