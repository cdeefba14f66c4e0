// Requests to monuments used to stay on the workstation that recorded them. At the first start
// of a version that shares them, each request kept here is sent once as a save, so that the
// office's other workstations see it too; after that, every change is sent as it is made.
// They belong to the office signed in here: a workstation holds one office's data, and signing
// in as another office is refused while they are unsent (UNSENT_CHANGES).
import { SaveVenueRequestArgsSchema } from '../../contract/centralApi.std.ts';
import type { Store } from '../store/openStore.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import { listAllVenueRequests } from '../store/venueRequestsRepo.node.ts';
import { recordMutation } from './outbox.node.ts';

const DONE = 'sync.keptRequestsShared';

export function shareKeptRequests(store: Store, nowIso: string): void {
  store.sqlite.transaction(() => {
    if (readSetting<boolean>(store.db, DONE)) return;
    for (const { id, ...fields } of listAllVenueRequests(store.db)) {
      // A push holding a save the service cannot read is refused whole and would hold back every
      // later change: such a request (none written by Guichet's own checks) stays on this workstation.
      const args = SaveVenueRequestArgsSchema.safeParse({ requestId: id, ...fields });
      if (args.success) recordMutation(store.db, { name: 'venueRequest.save', args: args.data }, nowIso);
    }
    writeSetting(store.db, DONE, true);
  })();
}
