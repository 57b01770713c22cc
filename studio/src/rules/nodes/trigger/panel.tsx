/** Editing the trigger node: its title, the ticket events it listens to, and whether it runs. */
import { useId } from 'react';
import { TICKET_EVENT_TYPES, type TicketEventType } from '../../../../../domain/ticket';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { useI18n } from '../../../i18n';
import type { TriggerNodeData } from './types';

const EVENTS = TICKET_EVENT_TYPES;

export function TriggerPanel({ data, onChange, issues }: { data: TriggerNodeData; onChange: (data: TriggerNodeData) => void; issues: readonly NodeIssue[] }) {
  const { t } = useI18n();
  const id = useId();
  const toggleEvent = (event: TicketEventType, on: boolean) =>
    onChange({ ...data, events: EVENTS.filter((candidate) => (candidate === event ? on : data.events.includes(candidate))) });
  return (
    <div className="stack">
      <label className="field">
        <span className="field-label">{t('rules.trigger.name')}</span>
        <input value={data.title} maxLength={200} aria-invalid={hasIssueAt(issues, 'title')} onChange={(event) => onChange({ ...data, title: event.target.value })} />
      </label>
      <fieldset className="choice-list columns" aria-invalid={hasIssueAt(issues, 'events')}>
        <legend className="field-label">{t('rules.trigger.events')}</legend>
        {EVENTS.map((event) => (
          <label key={event} className="choice">
            <input type="checkbox" checked={data.events.includes(event)} onChange={(change) => toggleEvent(event, change.target.checked)} />
            {t(`rules.event.${event}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span className="field-label" id={id}>
          {t('rules.trigger.status')}
        </span>
        <label className="check-row">
          <button type="button" role="switch" aria-checked={data.enabled} aria-labelledby={id} className={`switch${data.enabled ? ' on' : ''}`} onClick={() => onChange({ ...data, enabled: !data.enabled })} />
          {data.enabled ? t('rules.trigger.enabled') : t('rules.trigger.disabled')}
        </label>
      </div>
      <p className="field-hint">{t('rules.trigger.hint')}</p>
    </div>
  );
}
