// Ctrl/Cmd+K: a few letters find a monument, an option, an order, a ticket, a companion or a
// contact (search.find), or an action, and Enter jumps there. A combobox over a listbox
// (WAI-ARIA): the focus stays in the field, arrows move the active option, Escape closes and
// gives the focus back to where it was.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHitDto } from '../../../src-main/contract/searchSchemas.std.ts';
import { formatDateTime } from '../../format/formatters.dom.ts';
import { useApp } from '../../state/appStore.dom.ts';
import { SCREENS, type Screen } from '../../state/route.dom.ts';
import { bridge } from '../../transport/bridge.dom.ts';
import { matchingActions, type PaletteAction } from './paletteActions.dom.ts';
import { usePalette } from './paletteStore.dom.ts';
import './palette.css';

type Entry = { kind: 'hit'; hit: SearchHitDto } | { kind: 'action'; action: PaletteAction };

const entryKey = (entry: Entry) => (entry.kind === 'hit' ? `${entry.hit.kind}-${entry.hit.id}` : `action-${entry.action.id}`);

/** Ctrl+K on Windows and Linux, Cmd+K on macOS, from anywhere in the window. */
export function usePaletteShortcut() {
  const setOpen = usePalette((s) => s.setOpen);
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(!usePalette.getState().open);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);
}

/** After a jump, the focus goes to what was asked for (a row takes it itself) or else to the screen's title. */
function focusScreen() {
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const heading = document.querySelector<HTMLElement>('main.content h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }));
}

export function CommandPalette() {
  usePaletteShortcut();
  const open = usePalette((s) => s.open);
  if (!open) return null;
  return <PaletteDialog />;
}

function PaletteDialog() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const setOpen = usePalette((s) => s.setOpen);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: SearchHitDto[] }>({ query: '', hits: [] });
  const [active, setActive] = useState(0);
  const returnTo = useRef<Element | null>(document.activeElement);
  const listId = useId();

  useEffect(() => {
    const typed = query.trim();
    if (typed === '') return;
    let current = true;
    void bridge.invoke('search.find', { query: typed }).then((result) => {
      if (current) setHits({ query: typed, hits: result.ok ? result.value : [] });
    });
    return () => {
      current = false;
    };
  }, [query]);

  const typed = query.trim();
  const found = typed !== '' && hits.query === typed ? hits.hits : [];
  const searching = typed !== '' && hits.query !== typed;
  const actions = matchingActions(typed);
  // An action named by what was typed ("sync") comes first; the others after the things found.
  const entries: Entry[] = [
    ...actions.filter((a) => a.rank === 0 && typed !== '').map(({ action }): Entry => ({ kind: 'action', action })),
    ...found.map((hit): Entry => ({ kind: 'hit', hit })),
    ...actions.filter((a) => a.rank !== 0 || typed === '').map(({ action }): Entry => ({ kind: 'action', action })),
  ];
  const at = Math.min(active, Math.max(entries.length - 1, 0));

  const close = (restore: boolean) => {
    setOpen(false);
    if (restore && returnTo.current instanceof HTMLElement) returnTo.current.focus();
  };
  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.kind === 'action') {
      const jumps = entry.action.id !== 'sync-now';
      close(!jumps);
      void entry.action.run();
      if (jumps) focusScreen();
      return;
    }
    close(false);
    const { screen, params } = entry.hit.target;
    if ((SCREENS as readonly string[]).includes(screen)) navigate(screen as Screen, params);
    focusScreen();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1, PageDown: at + 5, PageUp: at - 5 };
    if (event.key in moves && entries.length > 0) {
      event.preventDefault();
      setActive(Math.min(Math.max(moves[event.key]!, 0), entries.length - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(entries[at]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      // The field is the dialog's only stop: the focus stays in it.
      event.preventDefault();
    }
  };

  useEffect(() => {
    document.getElementById(`${listId}-${at}`)?.scrollIntoView({ block: 'nearest' });
  }, [at, listId]);

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close(true)}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={t('palette.label')}
        // A click on a result or the hint must not take the focus out of the field.
        onMouseDown={(e) => e.target instanceof HTMLInputElement || e.preventDefault()}
      >
        <input
          className="palette-input"
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={entries.length > 0 ? `${listId}-${at}` : undefined}
          aria-label={t('palette.label')}
          placeholder={t('palette.placeholder')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={t('palette.results')} className="palette-results">
          {entries.map((entry, index) => (
            <li
              key={entryKey(entry)}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === at}
              data-kind={entry.kind === 'hit' ? entry.hit.kind : 'action'}
              className="palette-entry"
              onMouseMove={() => index !== at && setActive(index)}
              onClick={() => choose(entry)}
            >
              <span className="palette-kind">{t(`palette.kinds.${entry.kind === 'hit' ? entry.hit.kind : 'action'}`, { defaultValue: entry.kind === 'hit' ? entry.hit.kind : '' })}</span>
              {entry.kind === 'hit' ? <HitText hit={entry.hit} language={language} /> : (
                <span className="palette-title">{t(entry.action.label[0], Object.fromEntries(Object.entries(entry.action.label[1] ?? {}).map(([k, v]) => [k, t(v)])))}</span>
              )}
            </li>
          ))}
        </ul>
        <p className="palette-status" role="status">
          {searching ? t('palette.searching') : typed !== '' && found.length === 0 ? t('palette.none', { query: typed }) : ''}
        </p>
        <p className="palette-hint" aria-hidden="true">{t('palette.hint')}</p>
      </div>
    </div>
  );
}

function HitText({ hit, language }: { hit: SearchHitDto; language: 'fr' | 'en' }) {
  const { t } = useTranslation();
  const facts = [
    hit.detail,
    hit.at && formatDateTime(hit.at, language),
    hit.people !== null && t('palette.people', { count: hit.people }),
    hit.state && t(`states.${hit.state}`, { defaultValue: hit.state }),
  ].filter(Boolean);
  return (
    <>
      <span className="palette-title">{hit.title}</span>
      {facts.length > 0 && <span className="palette-detail">{facts.join(' · ')}</span>}
    </>
  );
}
