// Held options about to lapse, by the server's clock, each announced once per launch so a
// desktop notification is raised when an option enters the window, not at every sync.
import type { StoreDb } from '../store/openStore.node.ts';
import { listOptions } from '../store/optionsRepo.node.ts';
import { syncState } from './syncState.node.ts';

const DAY_MS = 86_400_000;

export function expiringOptions(db: StoreDb, localNow: Date, withinDays: number) {
  const serverNow = localNow.getTime() + syncState.serverOffsetMs(db);
  return listOptions(db)
    .filter((o) => o.state === 'active' && o.expiresAt !== null)
    .filter((o) => Date.parse(o.expiresAt!) - serverNow <= withinDays * DAY_MS && Date.parse(o.expiresAt!) > serverNow)
    .map(({ id, venueName, startsAt, expiresAt, dossierName }) => ({ id, venueName, startsAt, expiresAt: expiresAt!, dossierName }));
}

export function createExpiryAnnouncer() {
  const announced = new Set<string>();
  return (current: ReturnType<typeof expiringOptions>) => {
    const fresh = current.filter((o) => !announced.has(o.id));
    fresh.forEach((o) => announced.add(o.id));
    return fresh;
  };
}
