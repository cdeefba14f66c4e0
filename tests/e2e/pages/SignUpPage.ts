import type { Locator, Page } from '@playwright/test';

/** What an agent types in the professional sign-up; empty optional fields are left alone. */
export interface SignUpFields {
  company: string; legalForm?: string; siret?: string; vatNumber?: string; website?: string;
  civility?: 'mme' | 'm'; firstName: string; surname: string; phone: string; jobTitle?: string;
  email: string; password: string;
  street: string; postcode: string; city: string; country?: string;
}

/** The sign-up form on the Account screen, found by its fields' names so it reads the same in either language. */
export class SignUpPage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form[data-form="sign-up"]');
  }

  input(name: keyof SignUpFields): Locator {
    return this.form.locator(`[name="${name}"]`);
  }

  async fill(fields: SignUpFields) {
    for (const [name, value] of Object.entries(fields) as [keyof SignUpFields, string][]) {
      if (name === 'civility' || name === 'country') await this.input(name).selectOption(value);
      else await this.input(name).fill(value);
    }
  }

  /** The policy's line for `rule` (length, upper, lower, digit, special): data-met says whether it is met. */
  rule(rule: string): Locator {
    return this.form.locator(`.password-policy li[data-rule="${rule}"]`);
  }

  errorOf(name: keyof SignUpFields): Locator {
    return this.form.locator(`#${name}-error`);
  }

  async submit() {
    await this.form.getByRole('button', { name: /^(Enregistrer|Save)$/ }).click();
  }

  /** Everything the form holds now, to compare with what was typed. */
  async values(): Promise<Record<string, string>> {
    return this.form.evaluate((form: HTMLFormElement) =>
      Object.fromEntries([...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')].map((el) => [el.name, el.value])));
  }
}
