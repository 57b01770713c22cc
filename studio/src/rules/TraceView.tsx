/**
 * A simulation's trace, readably: per pass, each trigger that listened and whether it fired; each condition with
 * the value expected, the value the ticket had and ✓/✗; the results applied and the fields they changed; and the
 * side effects that would run afterwards.
 */
import { useState, type ReactNode } from 'react';
import type { FixedField } from '../../../rules/targets';
import { rowValueText, seenText, fieldLabel } from './nodes/condition/defaults';
import { summarize } from './nodes/result/defaults';
import type { PassTrace, Simulation } from '../api/types';
import { Icon } from '../components/icons';
import { rich, useI18n, type Translate } from '../i18n';
import { useRuleLookups } from './context';
import './trace.css';

type Outcome = PassTrace['triggers'][number]['conditions'][number];

/** Snapshot keys the trace reports changes of, and the row field whose words and names they use. */
const SNAPSHOT_FIELDS: Record<string, FixedField> = {
  status: 'status',
  priority: 'priority',
  groupId: 'group',
  assigneeId: 'assignee',
  intakeTypeId: 'intakeType',
  resolutionTypeId: 'resolutionType',
  tags: 'tags',
};

/**
 * The engine's remark on a result it could not apply as written, as a sentence. The remarks are free English
 * text (rules/cycle.ts, activities/assignment.ts), so the known ones are recognised by their wording.
 */
const NOTES: { pattern: RegExp; sentence: (t: Translate, match: RegExpMatchArray) => string }[] = [
  { pattern: /has no active agents/, sentence: (t) => t('rules.trace.note.noActiveAgent') },
  { pattern: /is not an active member of the group/, sentence: (t) => t('rules.trace.note.agentNotMember') },
  { pattern: /no agent available/, sentence: (t) => t('rules.trace.note.noAgent') },
  { pattern: /^random: one of (\d+) agents/, sentence: (t, match) => t('rules.trace.note.random', { count: Number(match[1]) }) },
  { pattern: /^intake type .* no longer exists/, sentence: (t) => t('rules.trace.note.intakeTypeGone') },
];

function noteSentence(t: Translate, note: string): string {
  for (const { pattern, sentence } of NOTES) {
    const match = note.match(pattern);
    if (match) return sentence(t, match);
  }
  return t('rules.trace.note.other');
}

type GroupOutcome = NonNullable<PassTrace['triggers'][number]['groups']>[number];

/** Indentation of a nested row or group: one step per group it stands in. */
const depthStyle = (path: readonly (string | number)[] | undefined) => (path ? { paddingInlineStart: `${(path.filter((key) => typeof key === 'string').length - 1) * 14}px` } : undefined);

/** Where a row or group stands, as the kinds of the groups above it: `AND › OR › NOT`. */
function placeOf(t: Translate, path: readonly (string | number)[]): string {
  return path
    .filter((key): key is 'all' | 'any' | 'not' => key === 'all' || key === 'any' || key === 'not')
    .map((kind) => t(`rules.condition.groupShort.${kind}`))
    .join(' › ');
}

/** Rows and groups as they nest: each group right before what stands in it. */
function inOrder(rows: readonly Outcome[], groups: readonly GroupOutcome[] = []) {
  const lines = [
    ...groups.map((outcome) => ({ kind: 'group' as const, path: outcome.path, outcome })),
    ...rows.map((outcome) => ({ kind: 'row' as const, path: outcome.path ?? [outcome.group, outcome.index], outcome })),
  ];
  const compare = (a: readonly (string | number)[], b: readonly (string | number)[]): number => {
    for (let at = 0; at < Math.min(a.length, b.length); at++) {
      if (a[at] !== b[at]) return typeof a[at] === 'number' && typeof b[at] === 'number' ? Number(a[at]) - Number(b[at]) : String(a[at]) < String(b[at]) ? -1 : 1;
    }
    return a.length - b.length;
  };
  return lines.sort((a, b) => compare(a.path, b.path)).map((line) => ({ ...line, key: `${line.kind}-${line.path.join('.')}` }));
}

function GroupLine({ outcome }: { outcome: GroupOutcome }) {
  const { t } = useI18n();
  return (
    <li className={`trace-condition ${outcome.held ? 'held' : 'failed'}`} style={depthStyle(outcome.path.slice(0, -1))}>
      <span className="trace-mark" aria-label={outcome.held ? t('rules.trace.held') : t('rules.trace.notHeld')}>
        {outcome.held ? '✓' : '✗'}
      </span>
      <span className="flow-group all">{placeOf(t, outcome.path)}</span>
      <span className="trace-expr">
        <strong>{t(`rules.groupNode.kinds.${outcome.kind}`)}</strong>
      </span>
    </li>
  );
}

function ConditionLine({ outcome }: { outcome: Outcome }) {
  const i18n = useI18n();
  const { t } = i18n;
  const lookups = useRuleLookups();
  const expected = outcome.expected === null ? '' : rowValueText({ field: outcome.field, operator: outcome.operator, value: outcome.expected }, lookups, i18n);
  return (
    <li className={`trace-condition ${outcome.held ? 'held' : 'failed'}`} style={depthStyle(outcome.path)}>
      <span className="trace-mark" aria-label={outcome.held ? t('rules.trace.held') : t('rules.trace.notHeld')}>
        {outcome.held ? '✓' : '✗'}
      </span>
      <span className={`flow-group ${outcome.group}`} title={t(`rules.group.${outcome.group}`)}>
        {outcome.path ? placeOf(t, outcome.path) : t(`rules.condition.groupShort.${outcome.group}`)}
      </span>
      <span className="trace-expr">
        <strong>{fieldLabel(outcome.field, t)}</strong> {t(`rules.operator.${outcome.operator}`)} {expected && <span className="trace-expected">{expected}</span>}
        <span className="trace-actual">{rich(t('rules.trace.saw'), { value: <span>{seenText(outcome.field, outcome.actual, lookups, i18n)}</span> })}</span>
      </span>
    </li>
  );
}

export function Changes({ changes }: { changes: Record<string, [unknown, unknown]> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const lookups = useRuleLookups();
  const entries = Object.entries(changes);
  if (entries.length === 0) return null;
  return (
    <ul className="trace-changes">
      {entries.map(([key, [before, after]]) => {
        const fixed = SNAPSHOT_FIELDS[key];
        const field = fixed ?? key;
        return (
          <li key={key}>
            <span className="trace-change-field">{fixed ? t(`rules.field.${fixed}`) : key}</span>
            <span className="muted">{seenText(field, before, lookups, i18n)}</span>
            <Icon name="forward" size={12} />
            <strong>{seenText(field, after, lookups, i18n)}</strong>
          </li>
        );
      })}
    </ul>
  );
}

/** What the trace knows of the graph: the pass it shows (1-based), and how to show another one there. */
export interface GraphLink {
  pass: number | null;
  onShow: (index: number) => void;
}

function Pass({ pass, index, onOpenTrigger, graph }: { pass: PassTrace; index: number; onOpenTrigger: (id: string) => void; graph?: GraphLink }) {
  const { t } = useI18n();
  const onGraph = graph?.pass === pass.pass;
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const titles = new Map(pass.triggers.map((trigger) => [trigger.triggerId, trigger.title]));
  return (
    <section className={`trace-pass${onGraph ? ' on-graph' : ''}`}>
      <div className="trace-pass-head">
        <h4>{t('rules.trace.pass', { number: pass.pass })}</h4>
        {graph &&
          (onGraph ? (
            <span className="badge tone-violet">{t('rules.trace.onGraph')}</span>
          ) : (
            <button type="button" className="button small" onClick={() => graph.onShow(index)}>
              {t('rules.trace.showOnGraph')}
            </button>
          ))}
      </div>
      {pass.pass > 1 && <p className="trace-pass-note">{t('rules.trace.passAgain', { previous: pass.pass - 1 })}</p>}
      {pass.triggers.length === 0 ? (
        <p className="muted small">{t('rules.trace.noListeners')}</p>
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
                    aria-label={open ? t('rules.trace.hideConditions') : t('rules.trace.showConditions')}
                    onClick={() => setExpanded((latest) => ({ ...latest, [trigger.triggerId]: !open }))}
                  >
                    <Icon name="chevronDown" size={14} className={open ? '' : 'rotate'} />
                  </button>
                  <span className="trace-mark">{trigger.fired ? '✓' : trigger.skippedAlreadyFired ? '↺' : '✗'}</span>
                  <button type="button" className="link-button" onClick={() => onOpenTrigger(trigger.triggerId)} title={t('rules.trace.openTrigger')}>
                    {trigger.title}
                  </button>
                  <span className={`badge ${trigger.fired ? 'tone-green' : trigger.skippedAlreadyFired ? 'tone-slate' : 'tone-rose'}`}>
                    {trigger.fired ? t('rules.trace.fired') : trigger.skippedAlreadyFired ? t('rules.trace.alreadyFired') : t('rules.trace.notFired')}
                  </span>
                </div>
                {open && (
                  <ul className="trace-conditions">
                    {inOrder(trigger.conditions, trigger.groups).map((line) =>
                      line.kind === 'group' ? (
                        <GroupLine key={line.key} outcome={line.outcome} />
                      ) : (
                        <ConditionLine key={line.key} outcome={line.outcome} />
                      ),
                    )}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {pass.applied.length > 0 && (
        <div className="trace-applied">
          <h5>{t('rules.trace.applied')}</h5>
          <ol>
            {pass.applied.map((applied) => (
              <li key={`${applied.triggerId}-${applied.resultIndex}`}>
                <div>
                  <strong>{t(`rules.resultType.${applied.type}`)}</strong>{' '}
                  <span className="muted small">{t('rules.trace.from', { title: titles.get(applied.triggerId) ?? applied.triggerId })}</span>
                </div>
                <Changes changes={applied.changes} />
                {Object.keys(applied.changes).length === 0 && <p className="muted small">{t('rules.trace.noChange')}</p>}
                {applied.note && <p className="field-hint warn">{noteSentence(t, applied.note)}</p>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/**
 * `effects`, when given, stands in for the side effects the simulation would queue: a ticket's trace shows those that
 * were queued, with how their delivery went.
 */
export function TraceView({
  simulation,
  onOpenTrigger,
  effects,
  graph,
}: {
  simulation: Pick<Simulation, 'trace' | 'version' | 'event'>;
  onOpenTrigger: (id: string) => void;
  effects?: ReactNode;
  /** Given when the simulation can be shown on the open trigger's graph. */
  graph?: GraphLink;
}) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const { trace, version, event } = simulation;
  const fired = new Set(trace.passes.flatMap((pass) => pass.triggers.filter((trigger) => trigger.fired).map((trigger) => trigger.triggerId)));
  return (
    <div className="trace" aria-label={t('rules.trace.label')}>
      <div className="trace-summary">
        <span className="pill">{version.number === null ? t('rules.trace.drafts') : t('rules.trace.version', { number: version.number })}</span>
        <span className="pill">{t(`rules.event.${event}`)}</span>
        <span>{t('rules.trace.passes', { passes: trace.passes.length, fired: fired.size })}</span>
        {trace.capped && <span className="badge tone-amber">{t('rules.trace.capped')}</span>}
      </div>
      {trace.skipped === 'closed' && <p className="field-hint warn">{t('rules.trace.closed')}</p>}

      <section className="trace-block">
        <h4>{t('rules.trace.changes')}</h4>
        {Object.keys(trace.changes).length ? <Changes changes={trace.changes} /> : <p className="muted small">{t('rules.trace.noChanges')}</p>}
      </section>

      {trace.passes.map((pass, index) => (
        <Pass key={pass.pass} pass={pass} index={index} onOpenTrigger={onOpenTrigger} graph={graph} />
      ))}

      <section className="trace-block">
        <h4>{t('rules.trace.sideEffects')}</h4>
        {effects ?? (trace.sideEffects.length === 0 ? (
          <p className="muted small">{t('rules.trace.none')}</p>
        ) : (
          <ol className="trace-effects">
            {trace.sideEffects.map((effect) => (
              <li key={effect.index}>
                <Icon name={effect.result.type === 'notifyEmail' || effect.result.type === 'forwardEmail' ? 'mail' : 'send'} size={13} />
                <span>
                  <strong>{t(`rules.resultType.${effect.result.type}`)}</strong> {summarize(effect.result, lookups, t)}
                  <span className="muted small"> · {effect.title}</span>
                </span>
                <span className="badge tone-violet">{t('rules.trace.wouldRun')}</span>
              </li>
            ))}
          </ol>
        ))}
      </section>
    </div>
  );
}
