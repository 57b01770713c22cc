/**
 * Editing a condition node: its group, the field (from the targets catalogue), an operator that applies to that
 * field, and a value input of the field's type. Every change replaces the node's plain-JSON data.
 */
import { useId } from 'react';
import { useCanvasState, useRuleLookups } from '../../context';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { CategorySelect, Checklist, GroupSelect, AgentSelect, ListInput, useAssignableAgents } from '../../pickers';
import { useI18n } from '../../../i18n';
import {
  CHANGE_OPERATORS,
  CUSTOM_PREFIXES,
  FIXED_FIELDS,
  LIST_OPERATORS,
  OPERATOR_SYMBOLS,
  VALUELESS_OPERATORS,
  VALUE_TYPES,
  customPrefixOf,
  enumLabel,
  fitRow,
  isoToLocalInput,
  localInputToIso,
  targetOf,
  type CustomPrefix,
} from './defaults';
import { parentTypesNamedExactly } from './intake-warning';
import { ListField } from '../list-field';
import type { ConditionNodeData, ConditionRow, ConditionValue, CustomFieldValueType } from './types';

const CUSTOM_OPTION = (prefix: CustomPrefix) => `custom:${prefix}`;

export function ConditionPanel({
  data,
  nested,
  onChange,
  issues,
}: {
  data: ConditionNodeData;
  /** Whether the row stands inside a group (whose kind then decides how it counts). */
  nested: boolean;
  onChange: (data: ConditionNodeData) => void;
  issues: readonly NodeIssue[];
}) {
  const { t } = useI18n();
  const { events } = useCanvasState();
  const lookups = useRuleLookups();
  const ids = useId();
  const { row } = data;
  const target = targetOf(row);
  const prefix = customPrefixOf(row.field);
  const setRow = (next: ConditionRow) => onChange({ ...data, row: fitRow(next) });
  const observesChanges = events.includes('updated');
  const parents = parentTypesNamedExactly(row, lookups.intakeTypes);

  return (
    <div className="stack">
      {!nested && <ListField value={data.group} onChange={(group) => onChange({ ...data, group })} />}

      <label className="field">
        <span className="field-label">{t('rules.condition.field')}</span>
        <select
          aria-invalid={hasIssueAt(issues, 'field')}
          value={prefix ? CUSTOM_OPTION(prefix) : row.field}
          onChange={(event) => {
            const chosen = event.target.value;
            const custom = CUSTOM_PREFIXES.find((candidate) => CUSTOM_OPTION(candidate) === chosen);
            setRow(custom ? { field: `${custom}:`, operator: row.operator, value: row.value, valueType: 'string' } : { field: chosen, operator: row.operator, value: row.value });
          }}
        >
          <optgroup label={t('rules.condition.ticketFields')}>
            {FIXED_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`rules.field.${field}`)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('rules.condition.serviceFields')}>
            {CUSTOM_PREFIXES.map((candidate) => (
              <option key={candidate} value={CUSTOM_OPTION(candidate)}>
                {t(`rules.customField.${candidate}`)}
              </option>
            ))}
          </optgroup>
          {!prefix && !target && <option value={row.field}>{t('rules.condition.unknown', { value: row.field })}</option>}
        </select>
      </label>

      {prefix && (
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('rules.condition.fieldCode')}</span>
            <input
              aria-invalid={hasIssueAt(issues, 'field')}
              value={row.field.slice(prefix.length + 1)}
              placeholder="vip"
              onChange={(event) => setRow({ ...row, field: `${prefix}:${event.target.value.trim()}` })}
            />
          </label>
          <label className="field">
            <span className="field-label">{t('rules.condition.valueType')}</span>
            <select
              aria-invalid={hasIssueAt(issues, 'valueType')}
              value={row.valueType ?? 'string'}
              onChange={(event) => setRow({ ...row, valueType: event.target.value as CustomFieldValueType })}
            >
              {VALUE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`rules.valueType.${type}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {target && (
        <label className="field">
          <span className="field-label">{t('rules.condition.operator')}</span>
          <select aria-invalid={hasIssueAt(issues, 'operator')} value={row.operator} onChange={(event) => setRow({ ...row, operator: event.target.value as ConditionRow['operator'] })}>
            {target.operators.map((operator) => (
              <option key={operator} value={operator} disabled={CHANGE_OPERATORS.has(operator) && !observesChanges && operator !== row.operator}>
                {OPERATOR_SYMBOLS[operator]} {t(`rules.operator.${operator}`)}
              </option>
            ))}
          </select>
          {CHANGE_OPERATORS.has(row.operator) ? (
            <span className="field-hint">{t('rules.condition.changeHint')}</span>
          ) : (
            !observesChanges && <span className="field-hint">{t('rules.condition.changeNeedsUpdates')}</span>
          )}
        </label>
      )}

      {target && !VALUELESS_OPERATORS.has(row.operator) && (
        <div className="field">
          <span className="field-label" id={`${ids}-value`}>
            {LIST_OPERATORS.has(row.operator) ? t('rules.condition.values') : t('rules.condition.value')}
          </span>
          <ValueEditor row={row} invalid={hasIssueAt(issues, 'value')} labelledBy={`${ids}-value`} onChange={(value) => setRow({ ...row, value })} />
          {parents.length > 0 && (
            <span className="field-hint warn" role="status">
              {t('rules.condition.parentTypeWarning', { types: parents.map((option) => option.path).join(', ') })}
              {row.operator === 'equals' && (
                <button type="button" className="link-button" onClick={() => setRow({ ...row, operator: 'withinSubtree' })}>
                  {t('rules.condition.useWithin')}
                </button>
              )}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

/** The value input a row's field and operator call for. */
function ValueEditor({
  row,
  invalid,
  labelledBy,
  onChange,
}: {
  row: ConditionRow;
  invalid: boolean;
  labelledBy: string;
  onChange: (value: ConditionValue) => void;
}) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const agents = useAssignableAgents();
  const target = targetOf(row)!;
  const list = LIST_OPERATORS.has(row.operator);
  const label = list ? t('rules.condition.values') : t('rules.condition.value');

  if (list) {
    const values = Array.isArray(row.value) ? row.value.map(String) : [];
    const optionsFor = (): { value: string; label: string }[] | null | undefined => {
      if (target.type === 'enum') return (target.vocabulary ?? []).map((value) => ({ value, label: enumLabel(row.field, value, t) ?? value }));
      if (row.field === 'group') return lookups.groups && lookups.groups.map((group) => ({ value: group.id, label: group.name }));
      if (row.field === 'assignee') return agents && agents.map((agent) => ({ value: agent.id, label: agent.name }));
      if (row.field === 'intakeType' || row.field === 'resolutionType') {
        const categories = row.field === 'intakeType' ? lookups.intakeTypes : lookups.resolutionTypes;
        return categories && categories.map((option) => ({ value: option.id, label: option.path }));
      }
      return null;
    };
    if (target.type === 'enum' || target.type === 'id') {
      return <Checklist options={optionsFor()} values={values} onChange={onChange} invalid={invalid} label={label} />;
    }
    if (target.type === 'number') {
      const numbers = Array.isArray(row.value) ? row.value : [];
      return (
        <ListInput
          label={label}
          values={numbers}
          invalid={invalid}
          placeholder="10, 20, 30"
          onChange={(items) => onChange(items.map(Number).filter((item) => !Number.isNaN(item)))}
        />
      );
    }
    return <ListInput label={label} values={values} invalid={invalid} placeholder={t('rules.result.tags.placeholder')} onChange={onChange} />;
  }

  const value = Array.isArray(row.value) ? row.value[0] : row.value;
  const text = value === undefined ? '' : String(value);
  const common = { 'aria-labelledby': labelledBy, 'aria-invalid': invalid };
  switch (target.type) {
    case 'enum':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {(target.vocabulary ?? []).map((option) => (
            <option key={option} value={option}>
              {enumLabel(row.field, option, t) ?? option}
            </option>
          ))}
        </select>
      );
    case 'id':
      if (row.field === 'intakeType' || row.field === 'resolutionType') {
        return <CategorySelect label={label} kind={row.field === 'intakeType' ? 'intake' : 'resolution'} value={text} invalid={invalid} onChange={onChange} />;
      }
      if (row.field === 'group') return <GroupSelect label={label} value={text} invalid={invalid} onChange={onChange} />;
      return <AgentSelect label={label} value={text} invalid={invalid} onChange={onChange} />;
    case 'number':
      return <input {...common} type="number" value={text} onChange={(event) => onChange(event.target.value === '' ? 0 : Number(event.target.value))} />;
    case 'boolean':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value === 'true')}>
          <option value="true">{t('rules.condition.yes')}</option>
          <option value="false">{t('rules.condition.no')}</option>
        </select>
      );
    case 'date':
      return <input {...common} type="datetime-local" value={isoToLocalInput(text)} onChange={(event) => onChange(localInputToIso(event.target.value))} />;
    default:
      return <input {...common} value={text} placeholder={target.type === 'tags' ? 'vip' : ''} onChange={(event) => onChange(event.target.value)} />;
  }
}
