// Desk speed (issue 13): Ctrl+K finds an order or a companion by three letters and jumps there,
// keyboard only; the lists sort by their headers, keep their filters when the agent goes
// elsewhere and back, and keep the ticked rows across a sync, less those that went away.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { payGroupOf75 } from '../support/paidGroupOf75.node.ts';
import type { RunningHost } from '../support/hostProcess.node.ts';
import { expect, hostCall, screenshot, test } from './fixtures.ts';
import { daysBefore, parisDay } from './pages/CalendarPage.ts';
import { CommandPalette } from './pages/CommandPalette.ts';
import { CompanionsPage } from './pages/CompanionsPage.ts';
import { OptionsPage } from './pages/OptionsPage.ts';
import { OrdersPage } from './pages/OrdersPage.ts';

interface MonthDay { date: string; slots: { id: string; remaining: number; status: string }[] }

/** Held options at `venueId` on the first open slots of `month`, one per group size. */
async function holdOptions(host: RunningHost, venueId: string, month: string, sizes: number[]) {
  const { days } = await hostCall(host, 'calendar.month', { venueId, month }) as { days: MonthDay[] };
  const slots = days.flatMap((d) => d.slots).filter((s) => s.status === 'open' && s.remaining >= 26);
  const ids: string[] = [];
  for (const [index, visitors] of sizes.entries()) {
    const placed = await hostCall(host, 'options.place', { slotId: slots[index * 3]!.id, composition: { visitors, guides: 1, leaders: 0 } }) as { id: string };
    ids.push(placed.id);
  }
  await hostCall(host, 'sync.now');
  return ids;
}

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds in what this work added (the
 * palette, the lists): the screens around them are scanned by the suite's own accessibility run.
 */
async function seriousViolations(page: Page, within: string): Promise<string[]> {
  // Evaluated rather than added as a script tag: the desk's CSP rightly refuses inline scripts.
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(selector);
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, within);
}

const visitDay = () => parisDay(daysBefore(parisDay(new Date()), -90));

test('Ctrl+K: three letters of an order number or of a companion, Enter, and the order or the companion is open', async ({ page, host, shell }) => {
  const order = await payGroupOf75((method, input) => hostCall(host, method, input), visitDay());
  await shell.open(host.launchUrl);
  const palette = new CommandPalette(page);
  const orders = new OrdersPage(page);

  const ordersLink = shell.navigation.locator('a[href="#/orders"]');
  await ordersLink.focus();
  await palette.open();
  await page.keyboard.type(order.orderNumber.slice(-3));
  await expect(palette.results.first()).toBeVisible();
  await screenshot(page, 'palette-order-en');
  expect(await seriousViolations(page, '.palette')).toEqual([]);
  // The focus stays in the palette, and Escape gives it back to where it was.
  await page.keyboard.press('Tab');
  await expect(palette.field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toHaveCount(0);
  await expect(ordersLink).toBeFocused();

  await palette.open();
  await palette.choose(order.orderNumber.slice(-3), 'order', order.orderNumber);
  await expect(shell.heading).toHaveText('Orders');
  await expect(orders.detail).toBeVisible();
  await expect(orders.detail).toContainText(order.orderNumber);
  await expect(orders.rows.filter({ hasText: order.orderNumber })).toHaveAttribute('aria-current', 'true');

  // Accents and case do not matter, and French works as English does.
  await shell.switchLanguage('fr');
  await palette.open();
  await palette.choose('ndi', 'companion', 'Anna NDIAYE');
  await expect(shell.heading).toHaveText('Accompagnateurs');
  const companions = new CompanionsPage(page);
  await expect(companions.form.getByLabel('Nom *', { exact: true })).toHaveValue('NDIAYE');
  await expect(companions.rows.filter({ hasText: 'NDIAYE' })).toHaveAttribute('aria-current', 'true');
  await screenshot(page, 'palette-companion-jump-fr');

  // An action: "Go to" a screen, found by a word of its French name without its accent.
  await palette.open();
  await palette.choose('synchronisation', 'action', 'Aller à : Synchronisation');
  await expect(shell.heading).toHaveText('Synchronisation');

  // The other lists of the kit, as the agent finds them.
  for (const [screen, name, rows] of [['orders', 'orders-list-fr', 1], ['tickets', 'tickets-list-kit-fr', 75], ['contacts', 'contacts-fr', 0]] as const) {
    await shell.go(screen);
    await expect(page.locator('tbody tr[data-row-id]')).toHaveCount(rows);
    await expect(page.locator('tbody td[aria-busy]')).toHaveCount(0);
    await screenshot(page, name);
    expect(await seriousViolations(page, '.list-view'), screen).toEqual([]);
  }
});

test('Options: sorted by a header, filtered, kept across screens; ticked rows survive "Sync now" less the one cancelled elsewhere', async ({ page, host, shell }) => {
  const month = visitDay().slice(0, 7);
  const conciergerie = await holdOptions(host, 'conciergerie', month, [25, 12, 18]);
  await holdOptions(host, 'sainte-chapelle', month, [20]);
  await shell.open(host.launchUrl);
  await shell.go('options');
  const options = new OptionsPage(page);
  await expect(options.rows).toHaveCount(4);
  const people = () => options.rows.evaluateAll((rows) => rows.map((r) => r.querySelector('td[data-column="people"]')!.textContent));

  await options.list.sortBy('People');
  await expect(options.list.header('People')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(people).toEqual(['13', '19', '21', '26']);
  await options.list.sortBy('People');
  await expect(options.list.header('People')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(people).toEqual(['26', '21', '19', '13']);
  await options.list.filter('venue').selectOption({ label: 'Conciergerie' });
  await expect.poll(people).toEqual(['26', '19', '13']);

  await shell.go('orders');
  await shell.go('options');
  await expect(options.list.filter('venue')).toHaveValue('conciergerie');
  await expect(options.list.header('People')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(people).toEqual(['26', '19', '13']);

  // Two ticked, one of them then cancelled at another workstation of the office.
  await page.locator(`tr[data-option-id="${conciergerie[0]}"]`).getByRole('checkbox').check();
  await page.locator(`tr[data-option-id="${conciergerie[1]}"]`).getByRole('checkbox').check();
  await expect(options.list.actionBar).toContainText('2 selected');
  await screenshot(page, 'options-selection-en');

  const palette = new CommandPalette(page);
  await palette.open();
  await palette.choose('sync', 'action', 'Sync now');
  await expect(page.getByRole('status').filter({ hasText: 'Synchronised' })).toBeVisible();
  await expect(page.locator(`tr[data-option-id="${conciergerie[0]}"]`).getByRole('checkbox')).toBeChecked();
  await expect(page.locator(`tr[data-option-id="${conciergerie[1]}"]`).getByRole('checkbox')).toBeChecked();
  await expect(options.list.actionBar).toContainText('2 selected');

  await hostCall(host, 'options.cancel', { optionId: conciergerie[1] });
  await palette.open();
  await palette.choose('sync', 'action', 'Sync now');
  await expect(page.locator(`tr[data-option-id="${conciergerie[1]}"] .badge`)).toHaveText(/Cancel/);
  await expect(options.list.actionBar).toContainText('1 selected');
  await expect(page.locator(`tr[data-option-id="${conciergerie[0]}"]`).getByRole('checkbox')).toBeChecked();

  // The row menu, keyboard only: arrows, Escape gives the focus back to its button.
  const row = page.locator(`tr[data-option-id="${conciergerie[0]}"]`);
  await options.list.menuButton(row).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Add people' })).toBeFocused();
  await screenshot(page, 'options-row-menu-en');
  expect(await seriousViolations(page, '.list-view')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(options.list.menuButton(row)).toBeFocused();
  await expect(page.getByRole('menu')).toHaveCount(0);
});
