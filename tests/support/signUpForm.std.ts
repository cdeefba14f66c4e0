// A complete professional sign-up (company, contact, login, address), for tests that need
// an office and do not test the form itself.
import type { SignUp } from '../../src-main/contract/centralApi.std.ts';

export function signUpForm(email: string, password: string, overrides: Partial<SignUp> & { contactName?: string } = {}): SignUp {
  const { contactName = 'Test Agent', ...rest } = overrides;
  const [firstName, ...surname] = contactName.split(' ');
  return {
    company: 'Voyages Test', firstName: firstName!, surname: surname.join(' ') || firstName!, phone: '+33 1 23 45 67 89',
    email, password, street: '1 rue de Rivoli', postcode: '75001', city: 'Paris', country: 'FR', ...rest,
  };
}
