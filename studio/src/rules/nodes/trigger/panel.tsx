/** Editing the trigger node: its title, the ticket events it listens to, and whether it runs. */
import { useId } from 'react';
import type { TicketEventType } from '../../../../../rules/ticket-vocabulary';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { useLang } from '../../../i18n';
import { TRIGGER_EVENT_LABELS } from '../../../vocabulary';
import type { TriggerNodeData } from './types';

const EVENTS = Object.keys(TRIGGER_EVENT_LABELS) as TicketEventType[];

export function TriggerPanel({ data, onChange, issues }: { data: TriggerNodeData; onChange: (data: TriggerNodeData) => void; issues: readonly NodeIssue[] }) {
  const { t, other } = useLang();
  const id = useId();
  const toggleEvent = (event: TicketEventType, on: boolean) =>
    onChange({ ...data, events: EVENTS.filter((candidate) => (candidate === event ? on : data.events.includes(candidate))) });
  return (
    <div className="stack">
      <label className="field">
        <span className="field-label">Trigger name · 트리거 이름</span>
        <input value={data.title} maxLength={200} aria-invalid={hasIssueAt(issues, 'title')} onChange={(event) => onChange({ ...data, title: event.target.value })} />
      </label>
      <fieldset className="choice-list columns" aria-invalid={hasIssueAt(issues, 'events')}>
        <legend className="field-label">Runs when a ticket is · 실행 시점</legend>
        {EVENTS.map((event) => (
          <label key={event} className="choice">
            <input type="checkbox" checked={data.events.includes(event)} onChange={(change) => toggleEvent(event, change.target.checked)} />
            {t(TRIGGER_EVENT_LABELS[event])} <span className="muted">{other(TRIGGER_EVENT_LABELS[event])}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span className="field-label" id={id}>
          Status · 상태
        </span>
        <label className="check-row">
          <button type="button" role="switch" aria-checked={data.enabled} aria-labelledby={id} className={`switch${data.enabled ? ' on' : ''}`} onClick={() => onChange({ ...data, enabled: !data.enabled })} />
          {data.enabled ? 'Enabled — runs once published · 사용' : 'Disabled — skipped · 사용 안 함'}
        </label>
      </div>
      <p className="field-hint">
        Conditions on the left feed the trigger; results on the right run top to bottom. Drag a node up or down to change the order. · 왼쪽 조건이 맞으면 오른쪽
        결과가 위에서부터 실행됩니다.
      </p>
    </div>
  );
}
