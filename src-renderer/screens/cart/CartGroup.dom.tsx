// One booking in the cart as the platform shows it: its product lines, then one line per
// guide or leader ticket with the companion it names ("Without accompanying" until chosen).
import { useTranslation } from 'react-i18next';
import type { CartDto, CompanionRowDto } from '../../../src-main/contract/schemas.std.ts';
import { formatDateTime, formatMoney } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';

type Group = CartDto['groups'][number];

export function companionName(c: CompanionRowDto): string {
  return c.placeholder ? c.surname : `${c.firstName} ${c.surname}`;
}

/** Every change is answered by 'cart.changed', which makes the screen read the cart again. */
export function CartGroup({ group, companions }: { group: Group; companions: CompanionRowDto[] }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const when = formatDateTime(group.startsAt, language);
  return (
    <section className="card cart-group" data-item-id={group.itemId} aria-label={`${group.venueName} — ${when}`}>
      <header className="cart-group-header">
        <h2>{group.venueName} — {when}</h2>
        {group.dossierName && <span className="badge cart-dossier">{group.dossierName}</span>}
        <button type="button" className="button-secondary" onClick={() => void attempt('cart.remove', { itemId: group.itemId })}>
          {t('cart.remove')}
        </button>
      </header>
      {group.started && <p className="notice notice-warning" role="status">{t('cart.started')}</p>}
      <p className="hint">
        {group.kind === 'direct' ? t('cart.buyNowItem') : group.expiresAt && t('cart.heldUntil', { date: formatDateTime(group.expiresAt, language) })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('cart.columns.product')}</th>
            <th className="numeric">{t('cart.columns.unit')}</th>
            <th className="numeric">{t('cart.columns.quantity')}</th>
            <th className="numeric">{t('cart.columns.total')}</th>
          </tr>
        </thead>
        <tbody>
          {group.lines.map((line) => (
            <tr key={line.productId}>
              <td>{line.label[language]}</td>
              <td className="numeric">{formatMoney(line.unitCents, language)}</td>
              <td className="numeric">{line.quantity}</td>
              <td className="numeric">{formatMoney(line.totalCents, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {group.companionLines.length > 0 && (
        <table className="data-table companion-lines" aria-label={t('cart.companionsOf', { venue: group.venueName })}>
          <thead>
            <tr>
              <th>{t('cart.columns.ticket')}</th>
              <th>{t('cart.columns.companion')}</th>
            </tr>
          </thead>
          <tbody>
            {group.companionLines.map((line) => (
              <tr key={line.key} className={line.companionId ? undefined : 'undesignated'}>
                <td>{line.label[language]} {line.index + 1}</td>
                <td>
                  <select
                    name={`companion-${line.key}`}
                    aria-label={t('cart.companionFor', { ticket: `${line.label[language]} ${line.index + 1}`, venue: group.venueName })}
                    value={line.companionId ?? ''}
                    onChange={(e) => void attempt('cart.designate', { key: line.key, companionId: e.target.value === '' ? null : e.target.value })}
                  >
                    <option value="">{t('cart.withoutCompanion')}</option>
                    {companions.map((c) => <option key={c.id} value={c.id}>{companionName(c)}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
