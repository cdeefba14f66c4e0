// The whole API, one handler per contract method. The type makes a missing or
// misspelled handler a compile error; tests/contract checks it at run time too.
import type { HandlerTable } from './handlerContext.node.ts';
import { bookingHandlers } from './bookingHandlers.node.ts';
import { catalogueHandlers } from './catalogueHandlers.node.ts';
import { officeHandlers } from './officeHandlers.node.ts';
import { accountHandlers } from './accountHandlers.node.ts';
import { optionHandlers } from './optionHandlers.node.ts';
import { requestHandlers } from './requestHandlers.node.ts';
import { cartHandlers } from './cartHandlers.node.ts';
import { companionHandlers } from './companionHandlers.node.ts';
import { contactHandlers } from './contactHandlers.node.ts';
import { dossierHandlers } from './dossierHandlers.node.ts';
import { orderHandlers } from './orderHandlers.node.ts';
import { bundleHandlers } from './bundleHandlers.node.ts';
import { syncHandlers } from './syncHandlers.node.ts';
import { voucherHandlers } from './voucherHandlers.node.ts';
import { voucherAssignHandlers } from './voucherAssignHandlers.node.ts';
import { searchHandlers } from './searchHandlers.node.ts';
import { localDataHandlers } from './localDataHandlers.node.ts';
import { updateHandlers } from './updateHandlers.node.ts';

export const handlers: HandlerTable = {
  ...officeHandlers,
  ...catalogueHandlers,
  ...bookingHandlers,
  ...accountHandlers,
  ...optionHandlers,
  ...requestHandlers,
  ...cartHandlers,
  ...companionHandlers,
  ...orderHandlers,
  ...contactHandlers,
  ...dossierHandlers,
  ...bundleHandlers,
  ...syncHandlers,
  ...voucherHandlers,
  ...voucherAssignHandlers,
  ...searchHandlers,
  ...localDataHandlers,
  ...updateHandlers,
};
