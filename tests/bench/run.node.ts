// `npm run bench`: runs every benchmark in this folder and prints its figures.
// `npm run bench -- startup pull placements checkout bundle ticketMail auth vouchers` runs only those named.
import { benchStartup } from './startup.bench.node.ts';
import { benchPull } from './pull.bench.node.ts';
import { benchPlacements } from './placements.bench.node.ts';
import { benchMonthView } from './monthView.bench.node.ts';
import { benchCheckout } from './checkout.bench.node.ts';
import { benchBundle } from './bundle.bench.node.ts';
import { benchTicketMail } from './ticketMail.bench.node.ts';
import { benchAuth } from './auth.bench.node.ts';
import { benchVouchers } from './vouchers.bench.node.ts';
import { benchVoucherExports } from './voucherExports.bench.node.ts';

const benches: Record<string, () => Promise<void>> = {
  startup: benchStartup, pull: benchPull, placements: benchPlacements, checkout: benchCheckout, monthView: benchMonthView, bundle: benchBundle,
  ticketMail: benchTicketMail, auth: benchAuth,
  vouchers: async () => {
    await benchVouchers();
    await benchVoucherExports();
  },
};
const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
