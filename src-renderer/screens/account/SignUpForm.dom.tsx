// The professional sign-up, in the platform's four sections (seed 002, steps 5–8): company,
// contact, login (its password policy ticked off as the user types), address. Each field says
// whether it is required or optional in words, not only by colour; a refusal is said next to
// the field it concerns and nothing typed is lost.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CIVILITIES, passwordProblems, SIGN_UP_COUNTRIES, SignUpSchema, type PasswordProblem, type SignUp,
} from '../../../src-main/contract/centralApi.std.ts';
import type { InvalidField, RpcError } from '../../../src-main/contract/errors.std.ts';
import { invalidFields } from '../../../src-main/contract/invalidFields.std.ts';
import { fieldProblem, errorMessage } from '../../i18n/errorMessage.dom.ts';
import { bridge } from '../../transport/bridge.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';

const OPTIONAL = ['legalForm', 'siret', 'vatNumber', 'website', 'civility', 'jobTitle'] as const;
const EMPTY = {
  company: '', legalForm: '', siret: '', vatNumber: '', website: '',
  civility: '', firstName: '', surname: '', phone: '', jobTitle: '',
  email: '', password: '',
  street: '', postcode: '', city: '', country: 'FR',
};
type FormValues = typeof EMPTY;
type Key = keyof FormValues;
const POLICY: PasswordProblem[] = ['length', 'upper', 'lower', 'digit', 'special'];

/** What the form sends: optional fields left empty are absent. */
function toSignUp(form: FormValues, language: SignUp['language']): Record<string, unknown> {
  const input: Record<string, unknown> = { ...form, language };
  for (const key of OPTIONAL) if (form[key].trim() === '') delete input[key];
  return input;
}

/** The field a refusal from the desk or the central service is about. */
function refusedFields(error: RpcError): InvalidField[] {
  const details = error.details ?? {};
  if (error.code === 'INVALID_INPUT') return details.fields ?? [];
  if (details.rule === 'WEAK_PASSWORD' || details.reason === 'WEAK_PASSWORD') return [{ path: 'password', problem: 'invalid_value' }];
  if (details.reason === 'EMAIL_TAKEN') return [{ path: 'email', problem: 'invalid_value' }];
  return [];
}

export function SignUpForm({ onSignedUp }: { onSignedUp(): void }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const fail = useNotices((s) => s.fail);
  // The refusals this form put up, taken down once the user tries again: a fixed password's complaint would mislead.
  const raised = useRef(new Set<RpcError>());
  const takeDownRefusals = () => {
    const { notices, dismiss } = useNotices.getState();
    for (const notice of notices) if (notice.error && raised.current.has(notice.error)) dismiss(notice.id);
    raised.current.clear();
  };
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [sending, setSending] = useState(false);
  const missing = passwordProblems(form.password);
  const set = (key: Key) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  /** `notify`: a refusal from Guichet or the platform is also said in a notice; the form's own check only at its fields. */
  const show = (error: RpcError, fields: InvalidField[], notify: boolean) => {
    const said: Partial<Record<Key, string>> = {};
    for (const field of fields) said[field.path as Key] ??= field.problem === 'invalid_value' && error.code !== 'INVALID_INPUT' ? errorMessage(error, t) : fieldProblem(field, t);
    setErrors(said);
    if (notify) {
      raised.current.add(error);
      fail(error);
    }
    const first = Object.keys(said)[0];
    if (first) document.querySelector<HTMLElement>(`form[data-form="sign-up"] [name="${first}"]`)?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    takeDownRefusals();
    const input = toSignUp(form, language);
    const checked = SignUpSchema.safeParse(input);
    if (!checked.success) {
      const fields = invalidFields(checked.error);
      show({ code: 'INVALID_INPUT', message: 'Some fields are not valid.', details: { fields } }, fields, false);
      return;
    }
    setSending(true);
    try {
      const result = await bridge.invoke('account.signUp', input as SignUp);
      if (result.ok) onSignedUp();
      else show(result.error, refusedFields(result.error), true);
    } finally {
      setSending(false);
    }
  };

  const field = (key: Key, options: { type?: string; autoComplete?: string; children?: ReactNode; after?: ReactNode } = {}) => {
    const optional = (OPTIONAL as readonly string[]).includes(key);
    const described = [errors[key] ? `${key}-error` : null, options.after ? `${key}-after` : null].filter(Boolean).join(' ');
    const common = {
      id: `signup-${key}`, name: key, value: form[key], 'aria-invalid': errors[key] ? true : undefined,
      'aria-describedby': described || undefined, required: !optional,
    };
    return (
      <div className={`field ${optional ? 'field-optional' : 'field-required'}`}>
        <label htmlFor={`signup-${key}`}>
          {t(`account.${key}`)} <span className="field-need">({t(optional ? 'account.optional' : 'account.required')})</span>
        </label>
        {options.children
          ? <select {...common} onChange={(e) => set(key)(e.target.value)}>{options.children}</select>
          : <input {...common} type={options.type ?? 'text'} autoComplete={options.autoComplete ?? 'on'} onChange={(e) => set(key)(e.target.value)} />}
        {errors[key] && <span className="field-error" id={`${key}-error`}>{errors[key]}</span>}
        {options.after && <div id={`${key}-after`}>{options.after}</div>}
      </div>
    );
  };

  const countries = new Intl.DisplayNames([language], { type: 'region' });
  return (
    <form className="card form sign-up" data-form="sign-up" onSubmit={submit} aria-label={t('account.signUp')} noValidate>
      <h2>{t('account.signUp')}</h2>
      <p className="hint">{t('account.signUpIntro')}</p>
      <fieldset>
        <legend>{t('account.sections.company')}</legend>
        {field('company', { autoComplete: 'organization' })}
        {field('legalForm')}
        {field('siret', { autoComplete: 'off' })}
        {field('vatNumber', { autoComplete: 'off' })}
        {field('website', { type: 'url', autoComplete: 'url' })}
      </fieldset>
      <fieldset>
        <legend>{t('account.sections.contact')}</legend>
        {field('civility', { children: ['', ...CIVILITIES].map((c) => <option key={c} value={c}>{t(`account.civilities.${c || 'none'}`)}</option>) })}
        {field('firstName', { autoComplete: 'given-name' })}
        {field('surname', { autoComplete: 'family-name' })}
        {field('phone', { type: 'tel', autoComplete: 'tel' })}
        {field('jobTitle', { autoComplete: 'organization-title' })}
      </fieldset>
      <fieldset>
        <legend>{t('account.sections.login')}</legend>
        {field('email', { type: 'email', autoComplete: 'email' })}
        {field('password', {
          type: 'password', autoComplete: 'new-password',
          after: (
            <div className="password-policy" aria-live="polite">
              <span>{t('account.passwordPolicy')}</span>
              <ul>
                {POLICY.map((rule) => {
                  const met = !missing.includes(rule);
                  return (
                    <li key={rule} data-rule={rule} data-met={met} className={met ? 'rule-met' : 'rule-missing'}>
                      <span aria-hidden="true">{met ? '✓' : '✗'}</span> {t(`account.policy.${rule}`)}
                      <span className="visually-hidden"> ({t(met ? 'account.passwordMet' : 'account.passwordMissing')})</span>
                    </li>
                  );
                })}
              </ul>
            </div>
          ),
        })}
      </fieldset>
      <fieldset>
        <legend>{t('account.sections.address')}</legend>
        {field('street', { autoComplete: 'street-address' })}
        {field('postcode', { autoComplete: 'postal-code' })}
        {field('city', { autoComplete: 'address-level2' })}
        {field('country', { children: SIGN_UP_COUNTRIES.map((c) => <option key={c} value={c}>{countries.of(c)}</option>) })}
      </fieldset>
      <button type="submit" className="button-primary" disabled={sending}>{t('account.save')}</button>
    </form>
  );
}
