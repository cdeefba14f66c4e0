// The threads that draw the e-mailed tickets (issue 11 §6): offices take turns, and closing
// the pool finishes what was asked. Each bundle stops at the test's hold in its thread, so the
// order they are drawn in is decided by the pool alone, at any machine speed.
import { afterEach, describe, expect, it } from 'vitest';
import { createRenderHold, type RenderHold } from '../../src-central/mail/renderHold.node.ts';
import { createTicketPdfPool, type TicketPdfPool } from '../../src-central/mail/ticketPdfPool.node.ts';
import { seedTickets } from '../print/printFixtures.node.ts';

let hold: RenderHold;
let pool: TicketPdfPool;
afterEach(async () => {
  hold.open();
  await pool.close();
});

function onePool(size: number) {
  hold = createRenderHold();
  pool = createTicketPdfPool({ size, hold: hold.buffer });
}

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const bundle = (office: string, tickets = 2) => pool.render(office, seedTickets(tickets), 'fr');

describe('the ticket PDF pool', () => {
  it("draws another office's bundle before the rest of one office's queue", async () => {
    onePool(1);
    const [first, second, third] = [bundle('busy'), bundle('busy'), bundle('busy')];
    const theirs = bundle('other');
    await hold.arrived(1);
    hold.letGo();
    expect(pages(await first)).toBe(2);

    await hold.arrived(2);
    hold.letGo();
    expect(await Promise.race([second.then(() => 'busy'), theirs.then(() => 'other')])).toBe('other');
    hold.letGo(2);
    expect((await Promise.all([second, third])).map(pages)).toEqual([2, 2]);
  });

  it('says why a bundle could not be drawn, and draws the next', async () => {
    onePool(1);
    hold.open();
    await expect(pool.render('busy', [], 'fr')).rejects.toThrow('A ticket bundle needs at least one ticket.');
    expect(pages(await bundle('busy', 3))).toBe(3);
  });

  it('closing draws every bundle already asked for, then refuses more', async () => {
    onePool(2);
    const asked = [bundle('busy'), bundle('other'), bundle('busy')];
    await hold.arrived(2);
    const closed = pool.close();
    await expect(bundle('late')).rejects.toThrow('the service is closing');
    hold.open();
    expect((await Promise.all(asked)).map(pages)).toEqual([2, 2, 2]);
    await closed;
  });
});
