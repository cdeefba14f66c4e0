// "Imprimé 2 fois, dernière le 3 décembre 2026 10:02 (imprimante Accueil, poste BUREAU-2)".
import { useTranslation } from 'react-i18next';
import type { PrintSummary } from '../../src-main/contract/printSchemas.std.ts';
import { formatDateTime } from '../format/formatters.dom.ts';
import { useApp } from '../state/appStore.dom.ts';

export function PrintedSummary({ printed, short }: { printed: PrintSummary; short?: boolean }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  if (!printed) return <span className="hint">{t('printed.never')}</span>;
  // When it happened at this desk: the workstation's own clock, not the venue's.
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (short) {
    const when = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: here }).format(new Date(printed.lastAt));
    return <span className="printed-summary" title={t('printed.summary', { count: printed.count, when })}>{t('printed.short', { count: printed.count, when })}</span>;
  }
  const when = formatDateTime(printed.lastAt, language, here);
  const how = t(`printed.how.${printed.lastHow}`, { printer: printed.lastPrinter ?? '' });
  return (
    <span className="printed-summary" data-testid="printed-summary">
      {t('printed.summary', { count: printed.count, when })} ({how}, {t('printed.workstation', { name: printed.lastWorkstation })})
    </span>
  );
}
