/**
 * Create a ticket by hand (channel 생성): service, intake type and the customer fields it asks for, subject, content
 * (typed, or filled from a reply template), priority, the customer to answer, an assignee, and files. Files are
 * uploaded to the ticket once it exists; when the API refuses them the ticket is kept and the refusal shown.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { composerApi, fieldsApi, type FieldDefinition, type ReplyTemplate } from '../api/desk';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketPriority } from '../api/types';
import { useCategories } from '../categories';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { FieldInput, type FieldInputValue } from '../fields/FieldInput';
import { customerFieldsFor, formatBytes, intakeTypeLineage, labelOf } from '../fields/model';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { PRIORITIES } from '../vocabulary';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_FILES } from '../../../domain/attachments';

export function NewTicketDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('workspace.newTicketDialog.title')} subtitle={t('workspace.newTicketDialog.subtitle')} onClose={onClose} width={680}>
      {open && <NewTicketForm onClose={onClose} onCreated={onCreated} />}
    </Dialog>
  );
}

/** A service's reply templates and field definitions, for the form; empty while loading or when unavailable. */
function useServiceExtras(serviceId: string) {
  const [extras, setExtras] = useState<{ serviceId: string; templates: ReplyTemplate[]; fields: FieldDefinition[] } | null>(null);
  useEffect(() => {
    if (!serviceId) return;
    let current = true;
    void Promise.all([composerApi.templates(serviceId, '').catch(() => []), fieldsApi.list(serviceId).then((list) => list.fields).catch(() => [])]).then(
      ([templates, fields]) => current && setExtras({ serviceId, templates, fields }),
    );
    return () => {
      current = false;
    };
  }, [serviceId]);
  return extras?.serviceId === serviceId ? extras : { templates: [], fields: [] };
}

function NewTicketForm({ onClose, onCreated }: { onClose: () => void; onCreated: (ticket: Ticket) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const directory = useDirectory();
  const services = directory.services?.filter((service) => service.kind !== 'issue') ?? null;
  const [serviceId, setServiceId] = useState('');
  const [intakeTypeId, setIntakeTypeId] = useState('');
  const [subject, setSubject] = useState('');
  const [content, setContent] = useState('');
  const [template, setTemplate] = useState<ReplyTemplate | null>(null);
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [values, setValues] = useState<Record<string, FieldInputValue | null>>({});
  const [groupId, setGroupId] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<Ticket | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  // A refusal appears at the foot of a long form: bring it into view.
  useEffect(() => {
    if (error) actions.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const chosenService = serviceId || services?.[0]?.id || '';
  const intakeTypes = useCategories(chosenService, 'intake')?.filter((type) => type.enabled) ?? [];
  const { templates, fields } = useServiceExtras(chosenService);
  const askedFields = customerFieldsFor(fields, intakeTypeLineage(intakeTypes, intakeTypeId));
  const groups = directory.groupsOf(chosenService) ?? [];
  const members = new Set(groups.find((group) => group.id === groupId)?.memberIds ?? []);
  // Someone else than oneself needs the forward permission, as the API checks.
  const mayAssignOthers = me.role === 'admin' || me.permissions.includes('ticket_forward');
  const assignees = (directory.agents ?? []).filter((agent) => agent.active && members.has(agent.id) && (mayAssignOthers || agent.id === me.id));
  const missingContact = !email.trim() && !phone.trim();
  const templateFillsContent = template !== null && content === template.body;

  function chooseService(next: string) {
    setServiceId(next);
    setIntakeTypeId('');
    setTemplate(null);
    setValues({});
    setGroupId('');
    setAssigneeId('');
  }

  function chooseTemplate(id: string) {
    const chosen = templates.find((candidate) => candidate.id === id) ?? null;
    setTemplate(chosen);
    if (chosen) setContent(chosen.body);
  }

  function addFiles(picked: FileList | null) {
    const chosen = [...(picked ?? [])];
    const tooLarge = chosen.find((file) => file.size > MAX_ATTACHMENT_BYTES);
    const next = [...files, ...chosen.filter((file) => file.size <= MAX_ATTACHMENT_BYTES)];
    setFileProblem(
      tooLarge
        ? t('workspace.newTicketDialog.tooLarge', { name: tooLarge.name })
        : next.length > MAX_ATTACHMENT_FILES
          ? t('workspace.newTicketDialog.tooMany', { count: MAX_ATTACHMENT_FILES })
          : null,
    );
    setFiles(next.slice(0, MAX_ATTACHMENT_FILES));
    if (fileInput.current) fileInput.current.value = '';
  }

  /** Uploads the files to the ticket and hands it over; a refusal keeps the dialog open on the created ticket. */
  async function attachAndFinish(ticket: Ticket) {
    try {
      if (files.length > 0) await composerApi.upload(ticket.id, files);
      onCreated(ticket);
    } catch (caught) {
      setCreated(ticket);
      setError(caught);
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (missingContact) {
      setError(new ApiError(0, 'form.contact_required', 'The customer needs an email or a phone number.'));
      return;
    }
    setBusy(true);
    setError(null);
    if (created) return attachAndFinish(created);
    const customerFields = Object.fromEntries(
      askedFields.flatMap((field) => {
        const value = values[field.code];
        return value === null || value === undefined || value === '' ? [] : [[field.code, value]];
      }),
    );
    try {
      const ticket = await ticketsApi.create({
        serviceId: chosenService.trim(),
        subject: subject.trim(),
        // Left unchanged, the template is filled in by the API with what the new ticket knows.
        ...(templateFillsContent ? { templateId: template.id } : { content: content.trim() }),
        priority,
        ...(intakeTypeId ? { intakeTypeId } : {}),
        ...(groupId ? { groupId, ...(assigneeId ? { assigneeId } : {}) } : {}),
        customerFields,
        customer: {
          name: name.trim() || undefined,
          email: email.trim() || undefined,
          phone: phone.trim() || undefined,
        },
      });
      await attachAndFinish(ticket);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form className="stack new-ticket-form" onSubmit={submit}>
      <fieldset className="stack plain-fieldset" disabled={created !== null}>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('workspace.newTicketDialog.service')}</span>
            {services && services.length > 0 ? (
              <select value={chosenService} onChange={(event) => chooseService(event.target.value)} required>
                {services.map((service) => (
                  <option key={service.id} value={service.id}>
                    {service.name}
                  </option>
                ))}
              </select>
            ) : (
              <input value={serviceId} onChange={(event) => chooseService(event.target.value)} placeholder={t('workspace.newTicketDialog.serviceId')} required />
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
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('workspace.newTicketDialog.intakeType')}</span>
            <select value={intakeTypeId} onChange={(event) => setIntakeTypeId(event.target.value)}>
              <option value="">{t('workspace.newTicketDialog.noIntakeType')}</option>
              {intakeTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.path}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('workspace.newTicketDialog.template')}</span>
            <select value={template?.id ?? ''} onChange={(event) => chooseTemplate(event.target.value)}>
              <option value="">{t('workspace.newTicketDialog.noTemplate')}</option>
              {templates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title} ({candidate.code})
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span className="field-label">{t('workspace.newTicketDialog.subject')}</span>
          <input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={500} required autoFocus />
        </label>
        <div className="field">
          <label className="field-label" htmlFor="new-ticket-content">
            {t('workspace.newTicketDialog.content')}
          </label>
          <textarea
            id="new-ticket-content"
            rows={5}
            value={content}
            onChange={(event) => setContent(event.target.value)}
            required
            aria-describedby={template ? 'new-ticket-content-hint' : undefined}
          />
          {template && (
            <span id="new-ticket-content-hint" className="field-hint">
              {templateFillsContent ? t('workspace.newTicketDialog.templateHint') : t('workspace.newTicketDialog.templateEdited')}
            </span>
          )}
        </div>
        {askedFields.length > 0 && (
          <fieldset className="fieldset">
            <legend className="field-label">{t('workspace.newTicketDialog.fields')}</legend>
            <div className="grid-2">
              {askedFields.map((field) => (
                // The label names the input by `for`: wrapped around a select, it would read out every option too.
                <div key={field.code} className={`field${field.control === 'checkbox' ? ' field-inline' : ''}`}>
                  <label className="field-sub" htmlFor={`new-ticket-field-${field.code}`}>
                    {labelOf(field.labels, lang)}
                    {field.required && (
                      <abbr className="required-mark" title={t('workspace.newTicketDialog.requiredMark')}>
                        {' *'}
                      </abbr>
                    )}
                  </label>
                  <FieldInput
                    id={`new-ticket-field-${field.code}`}
                    field={field}
                    value={values[field.code]}
                    onChange={(value) => setValues({ ...values, [field.code]: value })}
                  />
                </div>
              ))}
            </div>
          </fieldset>
        )}
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
              <input
                type="tel"
                value={phone}
                onChange={(event) => setPhone(event.target.value)}
                autoComplete="off"
                placeholder={t('workspace.newTicketDialog.phonePlaceholder')}
              />
            </label>
          </div>
          <span className={`field-hint${missingContact ? '' : ' ok'}`}>{t('workspace.newTicketDialog.contactHint')}</span>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field-label">{t('workspace.newTicketDialog.assign')}</legend>
          <div className="grid-2">
            <label className="field">
              <span className="field-sub">{t('workspace.newTicketDialog.group')}</span>
              <select
                value={groupId}
                onChange={(event) => {
                  setGroupId(event.target.value);
                  setAssigneeId('');
                }}
              >
                <option value="">{t('workspace.newTicketDialog.noGroup')}</option>
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-sub">{t('workspace.newTicketDialog.assignee')}</span>
              <select value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)} disabled={!groupId}>
                <option value="">{t('workspace.newTicketDialog.noAssignee')}</option>
                {assignees.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </fieldset>
      </fieldset>
      <div className="field">
        <span className="field-label">{t('workspace.newTicketDialog.attachments')}</span>
        <div className="attachment-picker">
          <button type="button" className="button small" onClick={() => fileInput.current?.click()} disabled={files.length >= MAX_ATTACHMENT_FILES || busy}>
            <Icon name="paperclip" size={14} /> {t('workspace.newTicketDialog.attach')}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            aria-label={t('workspace.newTicketDialog.attach')}
            onChange={(event) => addFiles(event.target.files)}
          />
          {files.map((file, index) => (
            <span key={`${file.name}-${index}`} className="attachment-chip">
              {file.name} <span className="muted">{formatBytes(file.size, lang)}</span>
              <button
                type="button"
                aria-label={t('workspace.newTicketDialog.removeFile', { name: file.name })}
                disabled={busy}
                onClick={() => setFiles(files.filter((_, at) => at !== index))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
        {fileProblem ? (
          <span className="field-error" role="alert">
            {fileProblem}
          </span>
        ) : (
          <span className="field-hint">{t('workspace.newTicketDialog.attachHint', { count: MAX_ATTACHMENT_FILES })}</span>
        )}
      </div>
      {created && (
        <p className="notice" role="status">
          {t('workspace.newTicketDialog.notAttached', { id: created.id })}
        </p>
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div ref={actions} className="dialog-actions">
        {created ? (
          <button type="button" className="button" onClick={() => onCreated(created)}>
            {t('workspace.newTicketDialog.openTicket')}
          </button>
        ) : (
          <button type="button" className="button" onClick={onClose}>
            {t('common.action.cancel')}
          </button>
        )}
        <button type="submit" className="button primary" disabled={busy || (created !== null && files.length === 0)}>
          {busy && <Spinner size={14} />}
          {busy
            ? created || files.length > 0
              ? t('workspace.newTicketDialog.attaching')
              : t('workspace.newTicketDialog.submitting')
            : created
              ? t('workspace.newTicketDialog.retryAttach')
              : t('workspace.newTicketDialog.submit')}
        </button>
      </div>
    </form>
  );
}
