/**
 * A simulation's trace, readably: per pass, each trigger that listened and whether it fired; each condition with
 * the value expected, the value the ticket had and ✓/✗; the results applied and the fields they changed; and the
 * side effects that would run afterwards.
 */
import { useState } from 'react';
import type { ConditionRow } from '../../../rules/model';
import { rowValueText, valueText, fieldLabel } from './nodes/condition/defaults';
import { summarize } from './nodes/result/defaults';
import type { PassTrace, Simulation } from '../api/types';
import { Icon } from '../components/icons';
import { useLang } from '../i18n';
import { CONDITION_FIELD_LABELS, OPERATOR_LABELS, RESULT_LABELS, TRIGGER_EVENT_LABELS, type Label } from '../vocabulary';
import { useRuleLookups, type RuleLookups } from './context';

type Outcome = PassTrace['triggers'][number]['conditions'][number];

/** Snapshot keys the trace reports changes of, and the row field whose words and names they use. */
const SNAPSHOT_FIELDS: Record<string, keyof typeof CONDITION_FIELD_LABELS> = {
  status: 'status',
  priority: 'priority',
  groupId: 'group',
  assigneeId: 'assignee',
  intakeTypeId: 'intakeType',
  resolutionTypeId: 'resolutionType',
  tags: 'tags',
};

function show(field: string, value: unknown, lookups: RuleLookups, t: (label: Label) => string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map((item) => show(field, item, lookups, t)).join(', ') : '[ ]';
  if (typeof value === 'object') {
    const change = value as { before?: unknown; after?: unknown };
    if ('before' in change || 'after' in change) return `${show(field, change.before, lookups, t)} → ${show(field, change.after, lookups, t)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    const row: ConditionRow = { field, operator: 'equals' };
    return valueText(row, value, lookups, t);
  }
  return String(value);
}

function ConditionLine({ outcome }: { outcome: Outcome }) {
  const { t } = useLang();
  const lookups = useRuleLookups();
  const expected = outcome.expected === null ? '' : rowValueText({ field: outcome.field, operator: outcome.operator, value: outcome.expected }, lookups, t);
  return (
    <li className={`trace-condition ${outcome.held ? 'held' : 'failed'}`}>
      <span className="trace-mark" aria-label={outcome.held ? 'held' : 'did not hold'}>
        {outcome.held ? '✓' : '✗'}
      </span>
      <span className={`flow-group ${outcome.group}`}>{outcome.group === 'all' ? 'AND' : 'OR'}</span>
      <span className="trace-expr">
        <strong>{t(fieldLabel(outcome.field))}</strong> {t(OPERATOR_LABELS[outcome.operator])} {expected && <span className="trace-expected">{expected}</span>}
        <span className="trace-actual">
          saw · 실제: <span>{show(outcome.field, outcome.actual, lookups, t)}</span>
        </span>
      </span>
    </li>
  );
}

function Changes({ changes }: { changes: Record<string, [unknown, unknown]> }) {
  const { t } = useLang();
  const lookups = useRuleLookups();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <ul className="trace-changes">
      {entries.map(([key, [before, after]]) => {
        const field = SNAPSHOT_FIELDS[key] ?? key;
        const label = CONDITION_FIELD_LABELS[field as keyof typeof CONDITION_FIELD_LABELS];
        return (
          <li key={key}>
            <span className="trace-change-field">{label ? t(label) : key}</span>
            <span className="muted">{show(field, before, lookups, t)}</span>
            <Icon name="forward" size={12} />
            <strong>{show(field, after, lookups, t)}</strong>
          </li>
        );
      })}
    </ul>
  );
}

function Pass({ pass, onOpenTrigger }: { pass: PassTrace; onOpenTrigger: (id: string) => void }) {
  const { t } = useLang();
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const titles = new Map(pass.triggers.map((trigger) => [trigger.triggerId, trigger.title]));
  return (
    <section className="trace-pass">
      <h4>
        Pass {pass.pass} · {pass.pass}회차
      </h4>
      {pass.pass > 1 && (
        <p className="trace-pass-note">
          Runs again because pass {pass.pass - 1} changed the ticket; a trigger fires at most once. · 이전 회차에서 티켓이 바뀌어 다시 평가합니다.
        </p>
      )}
      {pass.triggers.length === 0 ? (
        <p className="muted small">No enabled trigger listens to this event. · 이 이벤트에 실행되는 트리거가 없습니다.</p>
      ) : (
        <ol className="trace-triggers">
          {pass.triggers.map((trigger) => {
            const open = expanded[trigger.triggerId] ?? (trigger.fired || (pass.pass === 1 && pass.triggers.length <= 3));
            const state = trigger.fired ? 'fired' : trigger.skippedAlreadyFired ? 'already' : 'skipped';
            return (
              <li key={trigger.triggerId} className={`trace-trigger ${state}`}>
                <div className="trace-trigger-head">
                  <button
                    type="button"
                    className="icon-button small"
                    aria-expanded={open}
                    aria-label={open ? 'Hide conditions' : 'Show conditions'}
                    onClick={() => setExpanded((latest) => ({ ...latest, [trigger.triggerId]: !open }))}
                  >
                    <Icon name="chevronDown" size={14} className={open ? '' : 'rotate'} />
                  </button>
                  <span className="trace-mark">{trigger.fired ? '✓' : trigger.skippedAlreadyFired ? '↺' : '✗'}</span>
                  <button type="button" className="link-button" onClick={() => onOpenTrigger(trigger.triggerId)} title="Open this trigger · 트리거 열기">
                    {trigger.title}
                  </button>
                  <span className={`badge ${trigger.fired ? 'tone-green' : trigger.skippedAlreadyFired ? 'tone-slate' : 'tone-rose'}`}>
                    {trigger.fired ? 'Fired · 실행' : trigger.skippedAlreadyFired ? 'Already fired · 이미 실행' : 'Not fired · 미실행'}
                  </span>
                </div>
                {open && (
                  <ul className="trace-conditions">
                    {trigger.conditions.map((outcome) => (
                      <ConditionLine key={`${outcome.group}-${outcome.index}`} outcome={outcome} />
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {pass.applied.length > 0 && (
        <div className="trace-applied">
          <h5>Applied · 적용된 결과</h5>
          <ol>
            {pass.applied.map((applied) => (
              <li key={`${applied.triggerId}-${applied.resultIndex}`}>
                <div>
                  <strong>{t(RESULT_LABELS[applied.type])}</strong> <span className="muted small">from · 트리거 {titles.get(applied.triggerId) ?? applied.triggerId}</span>
                </div>
                <Changes changes={applied.changes} />
                {Object.keys(applied.changes).length === 0 && <p className="muted small">No change · 변경 없음</p>}
                {applied.note && <p className="field-hint warn">{applied.note}</p>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

export function TraceView({ simulation, onOpenTrigger }: { simulation: Simulation; onOpenTrigger: (id: string) => void }) {
  const { t } = useLang();
  const lookups = useRuleLookups();
  const { trace, version, event } = simulation;
  const fired = new Set(trace.passes.flatMap((pass) => pass.triggers.filter((trigger) => trigger.fired).map((trigger) => trigger.triggerId)));
  return (
    <div className="trace" aria-label="Simulation trace">
      <div className="trace-summary">
        <span className="pill">{version.number === null ? 'Drafts · 초안' : `v${version.number}`}</span>
        <span className="pill">{t(TRIGGER_EVENT_LABELS[event])}</span>
        <span>
          {trace.passes.length} {trace.passes.length === 1 ? 'pass' : 'passes'} · {fired.size} fired · {fired.size}개 실행
        </span>
        {trace.capped && <span className="badge tone-amber">Stopped at the 10-pass cap · 10회 제한</span>}
      </div>
      {trace.skipped === 'closed' && <p className="field-hint warn">Closed tickets run no triggers. · 완료된 티켓에는 트리거가 실행되지 않습니다.</p>}

      <section className="trace-block">
        <h4>Ticket changes · 티켓 변경</h4>
        {Object.keys(trace.changes).length ? <Changes changes={trace.changes} /> : <p className="muted small">Nothing would change. · 변경 없음</p>}
      </section>

      {trace.passes.map((pass) => (
        <Pass key={pass.pass} pass={pass} onOpenTrigger={onOpenTrigger} />
      ))}

      <section className="trace-block">
        <h4>Side effects · 외부 실행</h4>
        {trace.sideEffects.length === 0 ? (
          <p className="muted small">None. · 없음</p>
        ) : (
          <ol className="trace-effects">
            {trace.sideEffects.map((effect) => (
              <li key={effect.index}>
                <Icon name={effect.result.type === 'notifyEmail' || effect.result.type === 'forwardEmail' ? 'mail' : 'send'} size={13} />
                <span>
                  <strong>{t(RESULT_LABELS[effect.result.type])}</strong> {summarize(effect.result, lookups, t)}
                  <span className="muted small"> · {effect.title}</span>
                </span>
                <span className="badge tone-violet">Would run · 실행 예정</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
