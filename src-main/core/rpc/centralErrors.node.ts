// Says a failure to reach or convince the central service in the contract's terms.
import { CentralRefusal, OfflineError } from '../sync/centralClient.node.ts';
import { GuichetError } from './guichetError.std.ts';

export async function askCentral<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof OfflineError) {
      throw new GuichetError('OFFLINE', 'The central service cannot be reached. Check the connection and try again.');
    }
    if (error instanceof CentralRefusal) {
      throw new GuichetError('CENTRAL_REFUSED', error.message, { reason: error.code, ...error.extra });
    }
    throw error;
  }
}
