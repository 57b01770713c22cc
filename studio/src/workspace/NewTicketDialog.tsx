/** Create a ticket by hand (channel 생성): service, subject, content, priority and the customer to answer. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketPriority } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { PRIORITIES } from '../vocabulary';

export function NewTicketDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('workspace.newTicketDialog.title')} subtitle={t('workspace.newTicketDialog.subtitle')} onClose={onClose} width={600}>
      {open && <NewTicketForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewTicketForm({ onClose, onCreated }: { onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const services = directory.services?.filter((service) => service.kind !== 'issue') ?? null;
  const [serviceId, setServiceId] = useState('');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const chosenService = serviceId || services?.[0]?.id || '';
  const missingContact = !email.trim() && !phone.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missingContact) {
      setError(new ApiError(0, 'form.contact_required', 'The customer needs an email or a phone number.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const ticket = await ticketsApi.create({
        serviceId: chosenService.trim(),
        subject: subject.trim(),
        content: content.trim(),
        priority,
        customer: {
          name: name.trim() || undefined,
          email: email.trim() || undefined,
          phone: phone.trim() || undefined,
        },
      });
      onCreated(ticket);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      <div className="grid-2">
        <label className="field">
          <span className="field-label">{t('workspace.newTicketDialog.service')}</span>
          {services && services.length > 0 ? (
            <select value={chosenService} onChange={(event) => setServiceId(event.target.value)} required>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={serviceId} onChange={(event) => setServiceId(event.target.value)} placeholder={t('workspace.newTicketDialog.serviceId')} required />
          )}
        </label>
        <div className="field">
          <span className="field-label" id="priority-label">
            {t('workspace.newTicketDialog.priority')}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="priority-label">
            {[...PRIORITIES].reverse().map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="radio"
                aria-checked={priority === candidate}
                aria-pressed={priority === candidate}
                onClick={() => setPriority(candidate)}
              >
                {t(`ticket.priority.${candidate}`)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <label className="field">
        <span className="field-label">{t('workspace.newTicketDialog.subject')}</span>
        <input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={500} required autoFocus />
      </label>
      <label className="field">
        <span className="field-label">{t('workspace.newTicketDialog.content')}</span>
        <textarea rows={5} value={content} onChange={(event) => setContent(event.target.value)} required />
      </label>
      <fieldset className="fieldset">
        <legend className="field-label">{t('workspace.newTicketDialog.customer')}</legend>
        <div className="grid-3">
          <label className="field">
            <span className="field-sub">{t('workspace.newTicketDialog.name')}</span>
            <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-sub">{t('workspace.newTicketDialog.email')}</span>
            <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-sub">{t('workspace.newTicketDialog.phone')}</span>
            <input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} autoComplete="off" placeholder={t('workspace.newTicketDialog.phonePlaceholder')} />
          </label>
        </div>
        <span className={`field-hint${missingContact ? '' : ' ok'}`}>{t('workspace.newTicketDialog.contactHint')}</span>
      </fieldset>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.action.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy && <Spinner size={14} />}
          {busy ? t('workspace.newTicketDialog.submitting') : t('workspace.newTicketDialog.submit')}
        </button>
      </div>
    </form>
  );
}
