// Sign in, sign up (account/SignUpForm), the office's status ("PRO" once validated), sign out,
// and which central service this workstation talks to.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice.dom.tsx';
import { OfficeBadge } from '../components/OfficeBadge.dom.tsx';
import { SignUpForm } from './account/SignUpForm.dom.tsx';
import { attempt } from '../state/attempt.dom.ts';
import { useNotices } from '../state/notices.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';

function Field({ name, label, type = 'text', value, onChange }: { name: string; label: string; type?: string; value: string; onChange(v: string): void }) {
  return (
    <label className="field">
      {label}
      <input name={name} type={type} value={value} onChange={(e) => onChange(e.target.value)} required autoComplete={type === 'password' ? 'current-password' : 'on'} />
    </label>
  );
}

function SignInForm({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await attempt('account.signIn', { email, password })) onDone();
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('account.signIn')}>
      <h2>{t('account.signIn')}</h2>
      <Field name="email" label={t('account.email')} type="email" value={email} onChange={setEmail} />
      <Field name="password" label={t('account.password')} type="password" value={password} onChange={setPassword} />
      <button type="submit" className="button-primary">{t('account.signIn')}</button>
    </form>
  );
}

function CentralServiceSetting({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [url, setUrl] = useState(current ?? '');
  return (
    <form
      className="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await attempt('settings.update', { centralUrl: url.trim() === '' ? null : url.trim() })) say('account.saved');
      }}
    >
      <h2>{t('account.service')}</h2>
      <p className="hint">{t('account.serviceHint')}</p>
      <Field name="centralUrl" label={t('account.service')} type="url" value={url} onChange={setUrl} />
      <button type="submit" className="button-secondary">{t('account.save')}</button>
    </form>
  );
}

function ExpiringSoonSetting({ current }: { current: number }) {
  const { t } = useTranslation();
  const say = useNotices((s) => s.say);
  const [days, setDays] = useState(String(current));
  return (
    <form
      className="card form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await attempt('settings.update', { expiringSoonDays: Number(days) })) say('account.savedNow');
      }}
    >
      <Field name="expiringSoonDays" label={t('account.expiringSoonDays')} type="number" value={days} onChange={setDays} />
      <button type="submit" className="button-secondary">{t('account.save')}</button>
    </form>
  );
}

export function AccountScreen() {
  const { t } = useTranslation();
  const account = useRemote('account.status', {});
  const settings = useRemote('settings.get', {});
  const reload = account.reload;
  useEvent('account.changed', useCallback(() => reload(), [reload]));
  const [justSignedUp, setJustSignedUp] = useState(false);
  const status = account.value;
  return (
    <div className="screen">
      <h1>{t('account.title')}</h1>
      {account.error && <ErrorNotice error={account.error} onRetry={reload} />}
      {justSignedUp && status?.signedIn && (
        <section className="card notice-success" role="status" data-testid="sign-up-confirmation">
          <p><strong>{t('account.created')}</strong></p>
          <p>{t('account.createdNote')}</p>
        </section>
      )}
      {status?.signedIn && status.office && status.user && (
        <section className="card">
          <p>
            {t('account.signedInAs', { user: status.user.contactName, email: status.user.email, company: status.office.company })}{' '}
            <OfficeBadge status={status.office.status} />
          </p>
          <p className={status.office.status === 'validated' ? 'notice' : 'notice notice-warning'} data-testid="office-status">
            {status.office.status === 'validated' ? t('account.validated') : t('account.awaiting')}
          </p>
          <button type="button" className="button-secondary" onClick={async () => { if (await attempt('account.signOut', {})) { setJustSignedUp(false); reload(); } }}>
            {t('account.signOut')}
          </button>
        </section>
      )}
      {status && !status.signedIn && status.signInLost && (
        <p className="card notice notice-warning" role="status" data-testid="sign-in-lost">{t(`account.signInLost.${status.signInLost}`)}</p>
      )}
      {status && !status.signedIn && (
        <div className="forms">
          <SignInForm onDone={reload} />
          <SignUpForm onSignedUp={() => { setJustSignedUp(true); reload(); }} />
        </div>
      )}
      {settings.value && <CentralServiceSetting current={settings.value.centralUrl} />}
      {settings.value && <ExpiringSoonSetting current={settings.value.expiringSoonDays} />}
    </div>
  );
}
