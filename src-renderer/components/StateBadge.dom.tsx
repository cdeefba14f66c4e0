import { useTranslation } from 'react-i18next';

/** A state as a word and a colour together, never colour alone. */
export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${state}`}>{t(`states.${state}`, { defaultValue: state })}</span>;
}
