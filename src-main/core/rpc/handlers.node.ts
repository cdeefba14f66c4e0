// The whole API, one handler per contract method. The type makes a missing or
// misspelled handler a compile error; tests/contract checks it at run time too.
import type { HandlerTable } from './handlerContext.node';
import { bookingHandlers } from './bookingHandlers.node';
import { catalogueHandlers } from './catalogueHandlers.node';
import { officeHandlers } from './officeHandlers.node';

export const handlers: HandlerTable = {
  ...officeHandlers,
  ...catalogueHandlers,
  ...bookingHandlers,
};
