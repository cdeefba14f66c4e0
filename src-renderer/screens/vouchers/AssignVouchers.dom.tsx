// Hands codes out by e-mail: a pasted list, one recipient a line ("Name <address>" accepted),
// paired in order with the selected codes or else the free ones. Each bad line is named with its
// reason while the good ones go; the paste stays until everything in it went.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, VoucherAssignResultDto } from '../../../src-main/contract/schemas.std.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';

export function AssignVouchers({ selectedIds }: { selectedIds: string[] }) {
  const { t } = useTranslation();
  const screenLanguage = useApp((s) => s.language);
  const [pasted, setPasted] = useState('');
  const [language, setLanguage] = useState<Language>(screenLanguage);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VoucherAssignResultDto | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const answer = await attempt('vouchers.assignList', { pasted, language, ...(selectedIds.length > 0 ? { voucherIds: selectedIds } : {}) });
    setBusy(false);
    if (!answer) return;
    setResult(answer);
    if (answer.refused === 0 && answer.missingCodes === 0) setPasted('');
  }

  const problems = result?.lines.filter((line) => line.status === 'refused' || line.status === 'not_sent') ?? [];
  return (
    <form className="card voucher-assign" onSubmit={(e) => void submit(e)} aria-labelledby="voucher-assign-title">
      <h3 id="voucher-assign-title">{t('vouchers.assign.title')}</h3>
      <label className="field">
        {t('vouchers.assign.recipients')}
        <textarea name="recipients" rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={t('vouchers.assign.placeholder')} />
      </label>
      <div className="toolbar">
        <label className="field">{t('vouchers.assign.language')}
          <select name="mailLanguage" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="submit" className="button-primary" disabled={busy || pasted.trim() === ''}>
          {selectedIds.length > 0 ? t('vouchers.assign.toSelected', { count: selectedIds.length }) : t('vouchers.assign.toFree')}
        </button>
      </div>
      {result && (
        <div role="status" data-testid="voucher-assign-result">
          <p>{t('vouchers.assign.summary', { assigned: result.assigned, pending: result.pending, refused: result.refused })}</p>
          {result.missingCodes > 0 && <p className="notice notice-warning">{t('voucherAssign.codes_missing', { count: result.missingCodes })}</p>}
          {result.overflow > 0 && <p className="notice notice-warning">{t('voucherAssign.overflow', { count: result.overflow })}</p>}
          {problems.length > 0 && (
            <ul className="voucher-assign-problems">
              {problems.filter((line) => line.reason && line.reason !== 'codes_missing').map((line) => (
                <li key={`${line.line ?? ''}-${line.voucherId ?? ''}-${line.email ?? line.text ?? ''}`}>
                  {t(`voucherAssign.${line.reason}`, { line: line.line, text: line.text, email: line.email })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
