/** Create a ticket by hand (channel 생성): service, subject, content, priority and the customer to answer. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketPriority } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { useDirectory } from '../directory';
import { useLang } from '../i18n';
import { PRIORITIES, PRIORITY_LABELS } from '../vocabulary';

export function NewTicketDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  return (
    <Dialog open={open} title="New ticket" subtitle="티켓 생성 · The customer gets replies at the email or phone below." onClose={onClose} width={600}>
      {open && <NewTicketForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

function NewTicketForm({ onClose, onCreated }: { onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t, other } = useLang();
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
      setError(new ApiError(0, 'form.contact_required', 'Give the customer an email or a phone number.'));
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
          <span className="field-label">Service · 서비스</span>
          {services && services.length > 0 ? (
            <select value={chosenService} onChange={(event) => setServiceId(event.target.value)} required>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={serviceId} onChange={(event) => setServiceId(event.target.value)} placeholder="Service id" required />
          )}
        </label>
        <div className="field">
          <span className="field-label" id="priority-label">
            Priority · 우선순위
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="priority-label">
            {[...PRIORITIES].reverse().map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="radio"
                aria-checked={priority === candidate}
                aria-pressed={priority === candidate}
                title={other(PRIORITY_LABELS[candidate])}
                onClick={() => setPriority(candidate)}
              >
                {t(PRIORITY_LABELS[candidate])}
              </button>
            ))}
          </div>
        </div>
      </div>
      <label className="field">
        <span className="field-label">Subject · 제목</span>
        <input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={500} required autoFocus />
      </label>
      <label className="field">
        <span className="field-label">Content · 내용</span>
        <textarea rows={5} value={content} onChange={(event) => setContent(event.target.value)} required />
      </label>
      <fieldset className="fieldset">
        <legend className="field-label">Customer · 고객</legend>
        <div className="grid-3">
          <label className="field">
            <span className="field-sub">Name · 이름</span>
            <input value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-sub">Email · 이메일</span>
            <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
          </label>
          <label className="field">
            <span className="field-sub">Phone · 전화번호</span>
            <input type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} autoComplete="off" placeholder="010-1234-5678" />
          </label>
        </div>
        <span className={`field-hint${missingContact ? '' : ' ok'}`}>An email or a phone number is required.</span>
      </fieldset>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy && <Spinner size={14} />}
          {busy ? 'Creating…' : 'Create ticket'}
        </button>
      </div>
    </form>
  );
}
