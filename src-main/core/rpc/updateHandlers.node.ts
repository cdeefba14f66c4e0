// The application's own update, as the agent drives it: from the menu, and the "Restart to
// update" button (which waits for a payment, a push or a bundle under way to end).
import type { HandlerTable } from './handlerContext.node.ts';

export const updateHandlers: HandlerTable<'updates.status' | 'updates.check' | 'updates.restart'> = {
  'updates.status': (_input, { updates }) => updates.status(),
  'updates.check': (_input, { updates }) => {
    updates.check();
    return updates.status();
  },
  'updates.restart': (_input, { updates }) => {
    updates.restartToUpdate();
    return updates.status();
  },
};
