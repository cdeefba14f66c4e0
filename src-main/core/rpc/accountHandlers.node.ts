import { passwordProblems } from '../../contract/centralApi.std.ts';
import type { AccountStatusDto } from '../../contract/schemas.std.ts';
import type { Store } from '../store/openStore.node.ts';
import { countOutbox, forgetOfficeData } from '../store/officeRecordsRepo.node.ts';
import { readSetting, writeSetting } from '../store/settingsRepo.node.ts';
import { syncState } from '../sync/syncState.node.ts';
import type { Session } from '../../contract/centralApi.std.ts';
import { askCentral } from './centralErrors.node.ts';
import { GuichetError } from './guichetError.std.ts';
import type { HandlerContext, HandlerTable } from './handlerContext.node.ts';

export function accountStatus({ store, centralUrl }: Pick<HandlerContext, 'store' | 'centralUrl'>): AccountStatusDto {
  const session = syncState.session(store.db);
  return {
    centralUrl, signedIn: session !== null, office: session?.office ?? null, user: session?.user ?? null,
    signInLost: session ? null : syncState.sessionProblem(store.db),
  };
}

/** A workstation holds one office's data: signing in as another office starts from a clean slate. */
async function adoptSession(store: Store, session: Session) {
  const sealed = await syncState.sealSession(store.db, session);
  store.sqlite.transaction(() => {
    if (readSetting<string>(store.db, 'sync.officeId') !== session.office.id) {
      const unsent = countOutbox(store.db);
      if (unsent > 0 && readSetting<string>(store.db, 'sync.officeId')) {
        throw new GuichetError('RULE_VIOLATION', 'Another office has changes not sent yet.', { rule: 'UNSENT_CHANGES', count: unsent });
      }
      forgetOfficeData(store.db);
      writeSetting(store.db, 'sync.officeId', session.office.id);
    }
    syncState.keepSession(store.db, sealed);
  })();
}

async function signIn(ctx: HandlerContext, email: string, password: string) {
  const session = await askCentral(() => ctx.central.signIn(email, password));
  await adoptSession(ctx.store, session);
  const status = accountStatus(ctx);
  ctx.emit('account.changed', status);
  void ctx.sync.syncNow();
  return status;
}

export const accountHandlers: HandlerTable<'account.status' | 'account.signUp' | 'account.signIn' | 'account.signOut'> = {
  'account.status': (_input, ctx) => accountStatus(ctx),

  'account.signUp': async (input, ctx) => {
    const missing = passwordProblems(input.password);
    if (missing.length > 0) {
      throw new GuichetError('RULE_VIOLATION', 'The password does not meet the policy.', { rule: 'WEAK_PASSWORD', missing });
    }
    await askCentral(() => ctx.central.signUp(input));
    return signIn(ctx, input.email, input.password);
  },

  'account.signIn': (input, ctx) => signIn(ctx, input.email, input.password),

  'account.signOut': async (_input, ctx) => {
    const session = syncState.session(ctx.store.db);
    if (session) await ctx.central.signOut(session.refreshToken).catch(() => undefined);
    syncState.signOut(ctx.store.db);
    const status = accountStatus(ctx);
    ctx.emit('account.changed', status);
    ctx.emit('sync.status', ctx.sync.status());
    return status;
  },
};
