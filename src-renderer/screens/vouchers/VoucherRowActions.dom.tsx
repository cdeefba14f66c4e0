// What the agent can do with one code from its row: e-mail it again to its recipient, give an
// unused one to another address (the first recipient's code keeps working: see the note of
// issue 12), and read, retry or dismiss an e-mail of it the service refused.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoucherAssignResultDto, VoucherRowDto } from '../../../src-main/contract/schemas.std.ts';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { attempt } from '../../state/attempt.dom.ts';
import { useNotices } from '../../state/notices.dom.ts';

/** E-mails each code to its address and says what became of it. */
export async function sendCodes(assignments: { voucherId: string; email: string }[]): Promise<void> {
  const result: VoucherAssignResultDto | undefined = await attempt('vouchers.assign', { assignments });
  if (!result) return;
  useNotices.getState().say('vouchers.resent', { assigned: result.assigned, pending: result.pending, refused: result.refused });
}

const canGo = (row: VoucherRowDto) => row.state === 'valid' && !row.pendingEmail;

export function VoucherRefusal({ row }: { row: VoucherRowDto }) {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const refusal = row.refusal;
  if (!refusal || row.pendingEmail) return null;
  return (
    <p className="notice notice-warning voucher-refusal" data-testid="voucher-refusal">
      {t('vouchers.refusal.notSent', {
        email: refusal.email, date: formatDateTime(refusal.at, language),
        reason: t(`vouchers.refusal.reasons.${refusal.reason}`, { email: refusal.email, message: refusal.message }),
      })}
    </p>
  );
}

export function VoucherRowActions({ row }: { row: VoucherRowDto }) {
  const { t } = useTranslation();
  const [reassigning, setReassigning] = useState(false);
  const [email, setEmail] = useState('');
  const refused = row.refusal && !row.pendingEmail ? row.refusal : null;

  async function reassign(event: FormEvent) {
    event.preventDefault();
    await sendCodes([{ voucherId: row.id, email: email.trim() }]);
    setReassigning(false);
    setEmail('');
  }

  return (
    <div className="row-actions">
      {refused && canGo(row) && (
        <button type="button" className="button-secondary" onClick={() => void sendCodes([{ voucherId: row.id, email: refused.email }])}>{t('vouchers.retry')}</button>
      )}
      {refused && (
        <button type="button" className="button-secondary" onClick={() => void attempt('vouchers.dismissRefusal', { voucherId: row.id })}>{t('vouchers.dismissRefusal')}</button>
      )}
      {row.status === 'assigned' && canGo(row) && row.assignedTo && (
        <button type="button" className="button-secondary" onClick={() => void sendCodes([{ voucherId: row.id, email: row.assignedTo! }])}>{t('vouchers.resend')}</button>
      )}
      {row.status === 'assigned' && canGo(row) && !reassigning && (
        <button type="button" className="button-secondary" onClick={() => setReassigning(true)}>{t('vouchers.reassign')}</button>
      )}
      {reassigning && (
        <form className="reassign" onSubmit={(e) => void reassign(e)}>
          <input type="email" required name="reassignTo" aria-label={t('vouchers.reassignTo', { code: row.code })} value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
          <button type="submit" disabled={email.trim() === ''}>{t('vouchers.send')}</button>
          <button type="button" className="button-secondary" onClick={() => setReassigning(false)}>{t('vouchers.cancelReassign')}</button>
        </form>
      )}
    </div>
  );
}
