/** Quick edits of a ticket (PATCH /tickets/{id}): priority, the important star and tags, each recorded as an event. */
import { useState } from 'react';
import { deskApi, type TicketEdit } from '../api/desk';
import type { Ticket, TicketPriority } from '../api/types';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import './desk.css';

const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export function TicketEditor({ ticket, onSaved }: { ticket: Ticket; onSaved: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [tags, setTags] = useState(ticket.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (edit: TicketEdit) => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await deskApi.editTicket(ticket.id, edit));
      toast(t('desk.edit.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  const tagList = tags.split(',').map((tag) => tag.trim()).filter(Boolean);

  return (
    <section className="ticket-edit" aria-label={t('desk.edit.label')}>
      <label>
        <span className="sr-only">{t('desk.edit.priority')}</span>
        <select
          value={ticket.priority}
          disabled={saving}
          aria-label={t('desk.edit.priority')}
          onChange={(event) => save({ priority: event.target.value as TicketPriority })}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`ticket.priority.${priority}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`button${ticket.important ? ' primary' : ''}`}
        aria-pressed={ticket.important}
        disabled={saving}
        onClick={() => save({ important: !ticket.important })}
      >
        <Icon name="star" size={14} />
        {ticket.important ? t('desk.edit.starOn') : t('desk.edit.starOff')}
      </button>
      <input
        type="text"
        value={tags}
        aria-label={t('desk.edit.tags')}
        placeholder={t('desk.edit.tags')}
        onChange={(event) => setTags(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && save({ tags: tagList })}
      />
      <button type="button" className="button" disabled={saving || tagList.join(',') === ticket.tags.join(',')} onClick={() => save({ tags: tagList })}>
        {saving ? <Spinner size={14} /> : <Icon name="check" size={14} />}
        {t('desk.edit.save')}
      </button>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
