import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { SCREENS } from '../state/route.dom.ts';

export function Navigation() {
  const { t } = useTranslation();
  const screen = useApp((s) => s.route.screen);
  const navigate = useApp((s) => s.navigate);
  return (
    <nav className="navigation" aria-label={t('nav.label')}>
      <div className="brand">
        <strong>{t('app.name')}</strong>
        <span>{t('app.tagline')}</span>
      </div>
      <ul>
        {SCREENS.map((name) => (
          <li key={name}>
            <a
              href={`#/${name}`}
              aria-current={name === screen ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                navigate(name);
              }}
            >
              {t(`nav.${name}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
