import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/appStore.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';
import { useEvent } from '../state/useEvent.dom.ts';
import { SCREENS, type Screen } from '../state/route.dom.ts';
import { usePalette } from './palette/paletteStore.dom.ts';

export function Navigation() {
  const { t } = useTranslation();
  const screen = useApp((s) => s.route.screen);
  const navigate = useApp((s) => s.navigate);
  const syncStatus = useApp((s) => s.syncStatus);
  const openPalette = usePalette((s) => s.setOpen);
  const cart = useRemote('cart.get', {});
  const reloadCart = cart.reload;
  useEvent('cart.changed', useCallback(() => reloadCart(), [reloadCart]));
  useEvent('options.changed', useCallback(() => reloadCart(), [reloadCart]));
  // Numbers the agent must not miss: refused options, items in the cart, changes not yet sent or refused.
  const badges: Partial<Record<Screen, number>> = {
    options: syncStatus?.rejectedChanges ?? 0,
    cart: (cart.value?.groups.length ?? 0) + (cart.value?.vouchers.length ?? 0),
    sync: (syncStatus?.pendingChanges ?? 0) + (syncStatus?.refusedChanges ?? 0),
  };
  return (
    <nav className="navigation" aria-label={t('nav.label')}>
      <div className="brand">
        <strong>{t('app.name')}</strong>
        <span>{t('app.tagline')}</span>
      </div>
      <button type="button" className="palette-open" aria-keyshortcuts="Control+K Meta+K" onClick={() => openPalette(true)}>{t('palette.open')}</button>
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
              {(badges[name] ?? 0) > 0 && <span className="nav-badge" data-testid={`badge-${name}`}>{badges[name]}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
