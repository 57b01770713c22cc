/**
 * Picks a stored ticket of the service to simulate on, by search rather than by pasting an id: what the admin types
 * is looked up with the ticket search route (POST /tickets/search) in the ways `ticketSearches` lists, at once, and
 * the matches are offered in a list (arrow keys and Enter, or a click).
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { searchApi } from '../api/search';
import type { Ticket } from '../api/types';
import { Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { ticketSearches } from './ticket-searches';

/** How long typing pauses before a search is sent. */
const SEARCH_DELAY_MS = 250;
const SHOWN = 8;

export function TicketPicker({ serviceId, value, onChange }: { serviceId: string; value: Ticket | null; onChange: (ticket: Ticket | null) => void }) {
  const { t, formatRelative } = useI18n();
  const ids = useId();
  const [text, setText] = useState('');
  const [found, setFound] = useState<Ticket[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const searches = ticketSearches(text);
    if (searches.length === 0) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setSearching(true);
      void Promise.allSettled(
        searches.map((conditions) => searchApi.tickets({ serviceId, conditions, sort: 'created', direction: 'desc' }, { limit: SHOWN }, controller.signal)),
      ).then((answers) => {
        if (controller.signal.aborted) return;
        const byId = new Map<string, Ticket>();
        for (const answer of answers) if (answer.status === 'fulfilled') for (const ticket of answer.value.items) byId.set(ticket.id, byId.get(ticket.id) ?? ticket);
        setFailed(answers.every((answer) => answer.status === 'rejected'));
        setFound([...byId.values()].slice(0, SHOWN));
        setActive(0);
        setSearching(false);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text, serviceId]);

  if (value) {
    return (
      <div className="ticket-picker-choice">
        <div>
          <strong className="truncate">{value.subject || t('rules.ticketPicker.noSubject')}</strong>
          <span className="ticket-picker-meta mono">
            {value.id} · {value.customer?.name ?? value.customer?.email ?? '—'} · {t(`status.${value.status}`)}
          </span>
        </div>
        <button type="button" className="button small" onClick={() => onChange(null)}>
          {t('rules.ticketPicker.change')}
        </button>
      </div>
    );
  }

  const choose = (ticket: Ticket | undefined) => {
    if (!ticket) return;
    onChange(ticket);
    setText('');
    setFound(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!found?.length) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((at) => (at + (event.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(found[active]);
    }
  };
  const open = found !== null && text.trim() !== '';

  return (
    <div className="ticket-picker">
      <label className="field">
        <span className="field-label">{t('rules.ticketPicker.label')}</span>
        <input
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={`${ids}-results`}
          aria-activedescendant={open && found.length ? `${ids}-${active}` : undefined}
          aria-autocomplete="list"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('rules.ticketPicker.placeholder')}
        />
        <span className="field-hint">{searching ? <Spinner size={12} label={t('rules.ticketPicker.searching')} /> : t('rules.ticketPicker.hint')}</span>
      </label>
      {open && (
        <ul className="ticket-picker-results" id={`${ids}-results`} role="listbox" aria-label={t('rules.ticketPicker.results')}>
          {found.map((ticket, index) => (
            <li
              key={ticket.id}
              id={`${ids}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(ticket)}
            >
              <strong className="truncate">{ticket.subject || t('rules.ticketPicker.noSubject')}</strong>
              <span className="ticket-picker-meta">
                <span className="mono">{ticket.id}</span> · {ticket.customer?.name ?? ticket.customer?.email ?? '—'} · {t(`status.${ticket.status}`)} · {formatRelative(ticket.createdAt)}
              </span>
            </li>
          ))}
          {found.length === 0 && (
            <li className="muted" role="option" aria-selected={false} aria-disabled="true">
              <Icon name="search" size={13} /> {failed ? t('rules.ticketPicker.failed') : t('rules.ticketPicker.none')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
