import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { screenshot } from '../fixtures.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// What blocks a user outright; minor and moderate findings are left to review.
const BLOCKING = new Set(['serious', 'critical']);

export type Theme = 'light' | 'dark';
export interface Finding { screen: string; theme: Theme; rule: string; impact: string; target: string; summary: string }

/**
 * Scans screens with axe-core against WCAG 2.1 A and AA in the light and the dark theme, and keeps
 * every serious or critical finding, so that one run lists all of them rather than the first.
 */
export class AccessibilityScan {
  readonly findings: Finding[] = [];

  constructor(readonly page: Page) {}

  /** Scans what is on screen now in both themes, with a screenshot of the dark one (`<screen>-dark`). */
  async check(screen: string) {
    for (const theme of ['light', 'dark'] as const) {
      await this.page.emulateMedia({ colorScheme: theme });
      const results = await this.run();
      for (const violation of results.violations) {
        if (!BLOCKING.has(violation.impact ?? '')) continue;
        for (const node of violation.nodes) {
          this.findings.push({
            screen, theme, rule: violation.id, impact: violation.impact!,
            target: node.target.join(' '), summary: node.failureSummary?.split('\n').slice(1).join(' ').trim() || violation.help,
          });
        }
      }
      if (theme === 'dark') await screenshot(this.page, `${screen}-dark`);
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
  }

  report(): string {
    return this.findings.map((f) => `[${f.screen}, ${f.theme}] ${f.rule} (${f.impact}) at ${f.target}: ${f.summary}`).join('\n');
  }

  private async run(): Promise<AxeResults> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.addScriptTag({ path: AXE_PATH });
    return this.page.evaluate((tags) => (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, { runOnly: tags }), WCAG_AA);
  }
}
