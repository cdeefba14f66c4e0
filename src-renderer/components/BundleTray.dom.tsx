// The ticket bundles under way and made, on every screen: a progress bar and Cancel while the
// worker draws, then Save, Open and Print to a chosen printer. The agent keeps working meanwhile.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleJob } from '../../src-main/contract/printSchemas.std.ts';
import { downloadBase64 } from '../format/download.dom.ts';
import { ErrorNotice } from './ErrorNotice.dom.tsx';
import { attempt } from '../state/attempt.dom.ts';
import { followBundles, useBundles } from '../state/bundles.dom.ts';
import { useNotices } from '../state/notices.dom.ts';
import { useRemote } from '../state/useRemote.dom.ts';

function showOrDownload(fileName: string, base64: string, open: boolean): void {
  if (!open) return downloadBase64(fileName, base64, 'application/pdf');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  // A browser that blocks the new tab still gets the file.
  if (!window.open(url, '_blank')) downloadBase64(fileName, base64, 'application/pdf');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function PrintForm({ job, onDone }: { job: BundleJob; onDone(): void }) {
  const { t } = useTranslation();
  const printers = useRemote('printers.list', {});
  const [printer, setPrinter] = useState('');
  const [copies, setCopies] = useState(1);
  const [busy, setBusy] = useState(false);
  const list = printers.value ?? [];
  useEffect(() => {
    if (!printer && list.length > 0) setPrinter((list.find((p) => p.isDefault) ?? list[0]!).name);
  }, [list, printer]);

  async function print() {
    setBusy(true);
    const sent = await attempt('bundles.print', { jobId: job.id, printer, copies });
    setBusy(false);
    if (!sent) return;
    useNotices.getState().say('bundles.sentToPrinter', { printer: sent.printer, count: sent.copies });
    onDone();
  }

  if (printers.error) return <ErrorNotice error={printers.error} onRetry={printers.reload} />;
  if (printers.value && list.length === 0) return <p className="hint">{t('bundles.noPrinter')}</p>;
  return (
    <form className="bundle-print" onSubmit={(e) => { e.preventDefault(); void print(); }}>
      <label>
        {t('bundles.printer')}
        <select value={printer} onChange={(e) => setPrinter(e.target.value)} data-testid="bundle-printer">
          {list.map((p) => (
            <option key={p.name} value={p.name}>
              {p.description || p.name}{p.state === 'paused' ? ` — ${t('bundles.paused')}` : ''}{!p.acceptingJobs ? ` — ${t('bundles.refusing')}` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('bundles.copies')}
        <input type="number" min={1} max={99} value={copies} onChange={(e) => setCopies(Math.min(99, Math.max(1, Number(e.target.value) || 1)))} />
      </label>
      <button type="submit" disabled={busy || !printer}>{t('bundles.print')}</button>
    </form>
  );
}

function BundleRow({ job }: { job: BundleJob }) {
  const { t } = useTranslation();
  const hide = useBundles((s) => s.hide);
  const [printing, setPrinting] = useState(false);
  const active = job.state === 'queued' || job.state === 'running';

  async function exportAs(how: 'save' | 'open') {
    const result = await attempt('bundles.export', { jobId: job.id, how });
    if (!result) return;
    if (result.kind === 'download') showOrDownload(result.fileName, result.base64, how === 'open');
    if (result.kind === 'saved') useNotices.getState().say('bundles.saved', { path: result.path });
  }

  return (
    <li className={`bundle bundle-${job.state}`} data-testid="bundle" data-state={job.state}>
      <div className="bundle-head">
        <strong className="bundle-name">{job.fileName}</strong>
        <span className="bundle-state">
          {job.state === 'queued' ? t('bundles.queued', { position: job.queuePosition ?? 1 }) : t(`bundles.states.${job.state}`)}
        </span>
      </div>
      {active && (
        <div className="bundle-progress">
          <progress max={job.pagesTotal} value={job.pagesDone} aria-label={t('bundles.progress', { done: job.pagesDone, total: job.pagesTotal })} />
          <span className="numeric">{t('bundles.pages', { done: job.pagesDone, total: job.pagesTotal })}</span>
          <button type="button" className="button-secondary" onClick={() => void attempt('bundles.cancel', { jobId: job.id })}>{t('bundles.cancel')}</button>
        </div>
      )}
      {job.state === 'done' && (
        <>
          <p className="hint">{t('bundles.made', { count: job.ticketCount, pages: job.pagesTotal })}</p>
          <div className="toolbar">
            <button type="button" onClick={() => void exportAs('save')}>{t('bundles.save')}</button>
            <button type="button" className="button-secondary" onClick={() => void exportAs('open')}>{t('bundles.open')}</button>
            <button type="button" className="button-secondary" aria-expanded={printing} onClick={() => setPrinting((p) => !p)}>{t('bundles.printTo')}</button>
          </div>
          {printing && <PrintForm job={job} onDone={() => setPrinting(false)} />}
        </>
      )}
      {job.state === 'failed' && job.error && (
        <p className="notice notice-error" role="alert">{t(`bundles.errors.${job.error.code}`, { defaultValue: t('bundles.errors.BUNDLE_FAILED') })}</p>
      )}
      {job.leftOut.length > 0 && (
        <p className="notice notice-warning" role="status">{t('bundles.leftOut', { count: job.leftOut.length, numbers: job.leftOut.map((l) => l.number).join(', ') })}</p>
      )}
      {!active && <button type="button" className="button-secondary bundle-close" onClick={() => hide(job.id)}>{t('bundles.close')}</button>}
    </li>
  );
}

export function BundleTray() {
  const { t } = useTranslation();
  const jobs = useBundles((s) => s.jobs);
  const hidden = useBundles((s) => s.hidden);
  // Folded, it leaves the rows it would cover to the agent; a new bundle unfolds it.
  const [folded, setFolded] = useState(false);
  useEffect(() => followBundles(), []);
  const shown = jobs.filter((j) => !hidden.has(j.id)).slice(0, 4);
  const newest = shown[0]?.id;
  useEffect(() => setFolded(false), [newest]);
  if (shown.length === 0) return null;
  const active = shown.filter((j) => j.state === 'queued' || j.state === 'running').length;
  return (
    <section className={`bundle-tray${folded ? ' bundle-tray-folded' : ''}`} aria-label={t('bundles.title')}>
      <div className="bundle-tray-head">
        <h2>{t('bundles.title')}{folded && ` (${t('bundles.count', { count: shown.length, active })})`}</h2>
        <button type="button" className="button-secondary" aria-expanded={!folded} onClick={() => setFolded((f) => !f)}>
          {folded ? t('bundles.unfold') : t('bundles.fold')}
        </button>
      </div>
      {!folded && (
        <ul>
          {shown.map((job) => <BundleRow key={job.id} job={job} />)}
        </ul>
      )}
    </section>
  );
}
