/**
 * The changes between two sets of triggers (version-diff.ts) in words: per trigger, what was renamed, turned on or
 * off, listens to other events or runs in another order, and each condition and result added, removed or changed,
 * with where it stands among the groups (`AND › OR`) — e.g. "Priority is High → is Urgent".
 */
import type { ConditionEntry, ConditionRow, Result } from '../../../rules/model';
import { groupChildren, groupKind, isGroup } from '../../../rules/condition-tree';
import type { TicketEventType } from '../../../domain/ticket';
import { useI18n, type I18n } from '../i18n';
import { useRuleLookups, type RuleLookups } from './context';
import { fieldLabel, rowValueText } from './nodes/condition/defaults';
import { summarize } from './nodes/result/defaults';
import type { ConditionChange, Place, ResultChange, TriggerChanges } from './version-diff';

type Words = { i18n: I18n; lookups: RuleLookups };

/** A row's comparison without its field: "is High". */
function comparison(row: ConditionRow, { i18n, lookups }: Words): string {
  const value = rowValueText(row, lookups, i18n);
  return `${i18n.t(`rules.operator.${row.operator}`)}${value ? ` ${value}` : ''}`;
}

function entryText(entry: ConditionEntry, words: Words): string {
  if (!isGroup(entry)) return `${fieldLabel(entry.field, words.i18n.t)} ${comparison(entry, words)}`;
  const inside = groupChildren(entry).map((child) => entryText(child.entry, words));
  return `${words.i18n.t(`rules.groupNode.kinds.${groupKind(entry)}`)} (${inside.join('; ')})`;
}

function resultText(result: Result, { i18n, lookups }: Words): string {
  const summary = summarize(result, lookups, i18n.t);
  return summary ? `${i18n.t(`rules.resultType.${result.type}`)}: ${summary}` : i18n.t(`rules.resultType.${result.type}`);
}

const SIGNS = { added: '+', removed: '−', changed: '~', regrouped: '~' } as const;

function Line({ sign, what, place, children }: { sign: keyof typeof SIGNS; what: string; place?: Place; children: string }) {
  const { t } = useI18n();
  return (
    <li className={`diff-line ${sign}`}>
      <span className="diff-sign" aria-hidden="true">
        {SIGNS[sign]}
      </span>
      <span className="diff-what">{what}</span>
      {place && <span className="flow-group all">{place.map((kind) => t(`rules.condition.groupShort.${kind}`)).join(' › ')}</span>}
      <span className="diff-text">{children}</span>
    </li>
  );
}

function ConditionLine({ change, words }: { change: ConditionChange; words: Words }) {
  const { t } = words.i18n;
  switch (change.kind) {
    case 'added':
    case 'removed':
      return (
        <Line sign={change.kind} what={t(change.kind === 'added' ? 'rules.diff.conditionAdded' : 'rules.diff.conditionRemoved')} place={change.place}>
          {entryText(change.entry, words)}
        </Line>
      );
    case 'changed': {
      const { before, after } = change;
      const now = before.field === after.field ? comparison(after, words) : entryText(after, words);
      return (
        <Line sign="changed" what={t('rules.diff.conditionChanged')} place={change.place}>
          {`${entryText(before, words)} → ${now}`}
        </Line>
      );
    }
    case 'regrouped':
      return (
        <Line sign="regrouped" what={t('rules.diff.groupChanged')} place={change.place}>
          {`${t(`rules.groupNode.kinds.${change.before}`)} → ${t(`rules.groupNode.kinds.${change.after}`)}`}
        </Line>
      );
  }
}

function ResultLine({ change, words }: { change: ResultChange; words: Words }) {
  const { t } = words.i18n;
  if (change.kind === 'changed') {
    const after = summarize(change.after, words.lookups, t);
    return (
      <Line sign="changed" what={t('rules.diff.resultChanged')}>
        {`${resultText(change.before, words)} → ${after}`}
      </Line>
    );
  }
  return (
    <Line sign={change.kind} what={t(change.kind === 'added' ? 'rules.diff.resultAdded' : 'rules.diff.resultRemoved')}>
      {resultText(change.result, words)}
    </Line>
  );
}

function TriggerBlock({ change, words }: { change: TriggerChanges; words: Words }) {
  const { t } = words.i18n;
  const events = (list: readonly TicketEventType[]) => list.map((event) => t(`rules.event.${event}`)).join(', ');
  const tone = change.status === 'added' ? 'tone-green' : change.status === 'removed' ? 'tone-rose' : 'tone-amber';
  return (
    <li className="diff-trigger">
      <div className="diff-trigger-head">
        <strong>{change.title}</strong>
        <span className={`badge ${tone}`}>{t(`rules.diff.status.${change.status}`)}</span>
      </div>
      <ul className="diff-lines">
        {change.renamed && <Line sign="changed" what={t('rules.diff.renamed')}>{`“${change.renamed.before}” → “${change.renamed.after}”`}</Line>}
        {change.enabled && <Line sign="changed" what={t('rules.diff.state')}>{change.enabled.after ? t('rules.diff.turnedOn') : t('rules.diff.turnedOff')}</Line>}
        {change.events && change.events.added.length > 0 && <Line sign="added" what={t('rules.diff.eventsAdded')}>{events(change.events.added)}</Line>}
        {change.events && change.events.removed.length > 0 && <Line sign="removed" what={t('rules.diff.eventsRemoved')}>{events(change.events.removed)}</Line>}
        {change.moved && <Line sign="changed" what={t('rules.diff.order')}>{`${change.moved.before} → ${change.moved.after}`}</Line>}
        {change.conditions.map((condition, index) => (
          <ConditionLine key={`c${index}`} change={condition} words={words} />
        ))}
        {change.results.map((result, index) => (
          <ResultLine key={`r${index}`} change={result} words={words} />
        ))}
      </ul>
    </li>
  );
}

export function VersionDiff({ changes }: { changes: readonly TriggerChanges[] }) {
  const i18n = useI18n();
  const lookups = useRuleLookups();
  const words = { i18n, lookups };
  if (changes.length === 0) return <p className="muted small">{i18n.t('rules.diff.same')}</p>;
  return (
    <ol className="diff" aria-label={i18n.t('rules.diff.label')}>
      {changes.map((change) => (
        <TriggerBlock key={change.id} change={change} words={words} />
      ))}
    </ol>
  );
}
