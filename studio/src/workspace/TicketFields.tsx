/**
 * The ticket's customer and agent field values (필드), typed by each field's control, saved as one edit. Which fields
 * apply by intake type is the server's rule: a value it refuses comes back as an error naming the field.
 */
import { useEffect, useState } from 'react';
import { deskApi, fieldsApi, type FieldDefinition } from '../api/desk';
import { ticketsApi } from '../api/endpoints';
import { masksApi } from '../api/masks';
import type { Ticket } from '../api/types';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { FieldInput, type FieldInputValue } from '../fields/FieldInput';
import { labelOf } from '../fields/model';
import { MaskableFieldInput, useMasks } from './masking';

type Value = FieldInputValue;

/** Controls whose plain values may be partly masked (개인정보 마스킹). */
const MASKABLE_CONTROLS = ['text', 'textarea'];

export function TicketFields({ ticket, onSaved }: { ticket: Ticket; onSaved: (ticket: Ticket) => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const toast = useToast();
  const [fields, setFields] = useState<FieldDefinition[] | null>(null);
  const [draft, setDraft] = useState<Record<string, Value | null>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const masks = useMasks(ticket.id, ticket);

  useEffect(() => {
    let current = true;
    fieldsApi
      .list(ticket.serviceId)
      .then((list) => current && setFields(list.fields))
      .catch(() => current && setFields([]));
    return () => {
      current = false;
    };
  }, [ticket.serviceId]);

  if (!fields || fields.length === 0) return null;
  const valueOf = (field: FieldDefinition): Value | undefined =>
    (field.scope === 'customer' ? ticket.customerFields : ticket.agentFields)[field.code] as Value | undefined;
  const keyOf = (field: FieldDefinition) => `${field.scope}:${field.code}`;
  const shown = (field: FieldDefinition) => (keyOf(field) in draft ? draft[keyOf(field)] : valueOf(field));
  const set = (field: FieldDefinition, value: Value | null) => setDraft((current) => ({ ...current, [keyOf(field)]: value }));

  const save = async () => {
    const edit: { customerFields: Record<string, Value | null>; agentFields: Record<string, Value | null> } = { customerFields: {}, agentFields: {} };
    for (const field of fields) {
      if (!(keyOf(field) in draft)) continue;
      edit[field.scope === 'customer' ? 'customerFields' : 'agentFields'][field.code] = draft[keyOf(field)];
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await deskApi.editTicket(ticket.id, edit));
      setDraft({});
      toast(t('desk.edit.saved'));
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="ticket-fields" aria-label={t('desk.fields.label')}>
      <div className="ticket-fields-grid">
        {fields.map((field) => {
          const label = `${labelOf(field.labels, lang)}${field.required ? ' *' : ''}`;
          const readOnly = field.scope === 'agent' && field.editableBy === 'admin' && me.role !== 'admin';
          const value = shown(field);
          return (
            <label key={keyOf(field)} className="ticket-field">
              <span className="ticket-field-label">
                {label}
                {field.encrypted && <Icon name="lock" size={11} />}
              </span>
              {MASKABLE_CONTROLS.includes(field.control) && !field.encrypted ? (
                <MaskableFieldInput
                  ticketId={ticket.id}
                  value={String(value)}
                  saved={!(keyOf(field) in draft)}
                  masks={masks.filter((mask) => mask.target.kind === 'field' && mask.target.scope === field.scope && mask.target.code === field.code)}
                  disabled={readOnly}
                  onChange={(event) => set(field, event.target.value === '' ? null : event.target.value)}
                  mask={(span) => masksApi.maskField(ticket.id, field.scope, field.code, span)}
                  onMasked={() => void ticketsApi.get(ticket.id).then(onSaved)}
                />
              ) : (
                <FieldInput field={field} value={value} disabled={readOnly} onChange={(next) => set(field, next)} />
              )}
            </label>
          );
        })}
      </div>
      <button type="button" className="button" disabled={saving || Object.keys(draft).length === 0} onClick={save}>
        {saving ? <Spinner size={14} /> : <Icon name="check" size={14} />}
        {t('desk.fields.save')}
      </button>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
