/**
 * Quick edits of a ticket (PATCH /tickets/{id}): subject, priority, intake and resolution type, the important star and
 * tags, each recorded as an event. Field values are edited in TicketFields.
 */
import { useState } from 'react';
import { deskApi, type TicketEdit } from '../api/desk';
import type { Ticket, TicketPriority } from '../api/types';
import { useCategories, type CategoryOption } from '../categories';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import './desk.css';

const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export function TicketEditor({ ticket, onSaved }: { ticket: Ticket; onSaved: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const intakeTypes = useCategories(ticket.serviceId, 'intake');
  const resolutionTypes = useCategories(ticket.serviceId, 'resolution');
  const [subject, setSubject] = useState(ticket.subject);
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
  const trimmedSubject = subject.trim();
  const subjectChanged = trimmedSubject !== '' && trimmedSubject !== ticket.subject;

  return (
    <section className="ticket-edit" aria-label={t('desk.edit.label')}>
      <input
        type="text"
        className="ticket-edit-subject"
        value={subject}
        maxLength={500}
        aria-label={t('desk.edit.subject')}
        placeholder={t('desk.edit.subject')}
        onChange={(event) => setSubject(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && subjectChanged && save({ subject: trimmedSubject })}
      />
      <button type="button" className="button" disabled={saving || !subjectChanged} onClick={() => save({ subject: trimmedSubject })}>
        <Icon name="check" size={14} />
        {t('desk.edit.saveSubject')}
      </button>
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
      <CategorySelect
        label={t('desk.edit.intakeType')}
        options={intakeTypes}
        value={ticket.intakeTypeId}
        disabled={saving}
        onChange={(intakeTypeId) => save({ intakeTypeId })}
      />
      <CategorySelect
        label={t('desk.edit.resolutionType')}
        options={resolutionTypes}
        value={ticket.resolutionTypeId}
        disabled={saving}
        onChange={(resolutionTypeId) => save({ resolutionTypeId })}
      />
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

/**
 * An intake or resolution type picker with "none". Disabled types stay listed (marked): they are hidden from the help
 * centre only, and agents may still use them.
 */
function CategorySelect({
  label,
  options,
  value,
  disabled,
  onChange,
}: {
  label: string;
  options: CategoryOption[] | null | undefined;
  value: string | null;
  disabled: boolean;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  if (!options) return null;
  return (
    <select value={value ?? ''} disabled={disabled} aria-label={label} title={label} onChange={(event) => onChange(event.target.value || null)}>
      <option value="">{t('desk.edit.noCategory', { label })}</option>
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.enabled ? option.path : t('desk.edit.hiddenCategory', { path: option.path })}
        </option>
      ))}
    </select>
  );
}
