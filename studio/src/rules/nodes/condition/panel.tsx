/**
 * Editing a condition node: its group, the field (from the targets catalogue), an operator that applies to that
 * field, and a value input of the field's type. Every change replaces the node's plain-JSON data.
 */
import { useId } from 'react';
import { useCanvasState, useRuleLookups } from '../../context';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { CategorySelect, Checklist, GroupSelect, AgentSelect, ListInput, useAssignableAgents } from '../../pickers';
import { useLang } from '../../../i18n';
import {
  CONDITION_FIELD_LABELS,
  CONDITION_GROUP_LABELS,
  CUSTOM_FIELD_LABELS,
  OPERATOR_LABELS,
  VALUE_TYPE_LABELS,
} from '../../../vocabulary';
import {
  CHANGE_OPERATORS,
  CUSTOM_PREFIXES,
  FIXED_FIELDS,
  LIST_OPERATORS,
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
import type { ConditionNodeData, ConditionRow, ConditionValue, CustomFieldValueType } from './types';

const CUSTOM_OPTION = (prefix: CustomPrefix) => `custom:${prefix}`;

export function ConditionPanel({
  data,
  onChange,
  issues,
}: {
  data: ConditionNodeData;
  onChange: (data: ConditionNodeData) => void;
  issues: readonly NodeIssue[];
}) {
  const { t, other } = useLang();
  const { events } = useCanvasState();
  const ids = useId();
  const { row } = data;
  const target = targetOf(row);
  const prefix = customPrefixOf(row.field);
  const setRow = (next: ConditionRow) => onChange({ ...data, row: fitRow(next) });
  const observesChanges = events.includes('updated');

  return (
    <div className="stack">
      <div className="field">
        <span className="field-label" id={`${ids}-group`}>
          Group · 구분
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${ids}-group`}>
          {(['all', 'any'] as const).map((group) => (
            <button key={group} type="button" role="radio" aria-checked={data.group === group} aria-pressed={data.group === group} onClick={() => onChange({ ...data, group })}>
              {t(CONDITION_GROUP_LABELS[group])}
            </button>
          ))}
        </div>
        <span className="field-hint">
          {data.group === 'all' ? 'Every must-match row has to hold. · 필수 조건은 모두 만족해야 합니다.' : 'At least one optional row has to hold. · 선택 조건 중 하나 이상 만족해야 합니다.'}
        </span>
      </div>

      <label className="field">
        <span className="field-label">Field · 대상</span>
        <select
          aria-invalid={hasIssueAt(issues, 'field')}
          value={prefix ? CUSTOM_OPTION(prefix) : row.field}
          onChange={(event) => {
            const chosen = event.target.value;
            const custom = CUSTOM_PREFIXES.find((candidate) => CUSTOM_OPTION(candidate) === chosen);
            setRow(custom ? { field: `${custom}:`, operator: row.operator, value: row.value, valueType: 'string' } : { field: chosen, operator: row.operator, value: row.value });
          }}
        >
          <optgroup label="Ticket · 티켓">
            {FIXED_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(CONDITION_FIELD_LABELS[field])} · {other(CONDITION_FIELD_LABELS[field])}
              </option>
            ))}
          </optgroup>
          <optgroup label="Per-service fields · 서비스 필드">
            {CUSTOM_PREFIXES.map((candidate) => (
              <option key={candidate} value={CUSTOM_OPTION(candidate)}>
                {t(CUSTOM_FIELD_LABELS[candidate])} · {other(CUSTOM_FIELD_LABELS[candidate])}
              </option>
            ))}
          </optgroup>
          {!prefix && !target && <option value={row.field}>{row.field} (unknown · 알 수 없음)</option>}
        </select>
      </label>

      {prefix && (
        <div className="grid-2">
          <label className="field">
            <span className="field-label">Field code · 필드 코드</span>
            <input
              aria-invalid={hasIssueAt(issues, 'field')}
              value={row.field.slice(prefix.length + 1)}
              placeholder="vip"
              onChange={(event) => setRow({ ...row, field: `${prefix}:${event.target.value.trim()}` })}
            />
          </label>
          <label className="field">
            <span className="field-label">Value type · 값 형식</span>
            <select
              aria-invalid={hasIssueAt(issues, 'valueType')}
              value={row.valueType ?? 'string'}
              onChange={(event) => setRow({ ...row, valueType: event.target.value as CustomFieldValueType })}
            >
              {VALUE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(VALUE_TYPE_LABELS[type])}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}

      {target && (
        <label className="field">
          <span className="field-label">Operator · 연산자</span>
          <select aria-invalid={hasIssueAt(issues, 'operator')} value={row.operator} onChange={(event) => setRow({ ...row, operator: event.target.value as ConditionRow['operator'] })}>
            {target.operators.map((operator) => (
              <option key={operator} value={operator} disabled={CHANGE_OPERATORS.has(operator) && !observesChanges && operator !== row.operator}>
                {OPERATOR_LABELS[operator].symbol} {t(OPERATOR_LABELS[operator])} · {other(OPERATOR_LABELS[operator])}
              </option>
            ))}
          </select>
          {CHANGE_OPERATORS.has(row.operator) ? (
            <span className="field-hint">Compares with the ticket before the update; never holds on created. · 변경 전 티켓과 비교합니다.</span>
          ) : (
            !observesChanges && <span className="field-hint">“Changed” operators need the trigger to listen to updates. · 변경 연산자는 ‘변경’ 이벤트에서만 쓸 수 있습니다.</span>
          )}
        </label>
      )}

      {target && !VALUELESS_OPERATORS.has(row.operator) && (
        <div className="field">
          <span className="field-label" id={`${ids}-value`}>
            {LIST_OPERATORS.has(row.operator) ? 'Values · 값 목록' : 'Value · 값'}
          </span>
          <ValueEditor row={row} invalid={hasIssueAt(issues, 'value')} labelledBy={`${ids}-value`} onChange={(value) => setRow({ ...row, value })} />
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
  const { t } = useLang();
  const lookups = useRuleLookups();
  const agents = useAssignableAgents();
  const target = targetOf(row)!;
  const list = LIST_OPERATORS.has(row.operator);
  const label = 'Value · 값';

  if (list) {
    const values = Array.isArray(row.value) ? row.value.map(String) : [];
    const optionsFor = (): { value: string; label: string }[] | null | undefined => {
      if (target.type === 'enum') return (target.vocabulary ?? []).map((value) => ({ value, label: enumLabel(row.field, value) ? t(enumLabel(row.field, value)!) : value }));
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
    return <ListInput label={label} values={values} invalid={invalid} placeholder="vip, refund" onChange={onChange} />;
  }

  const value = Array.isArray(row.value) ? row.value[0] : row.value;
  const text = value === undefined ? '' : String(value);
  const common = { 'aria-labelledby': labelledBy, 'aria-invalid': invalid };
  switch (target.type) {
    case 'enum':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          {(target.vocabulary ?? []).map((option) => {
            const optionLabel = enumLabel(row.field, option);
            return (
              <option key={option} value={option}>
                {optionLabel ? t(optionLabel) : option}
              </option>
            );
          })}
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
          <option value="true">{t({ en: 'Yes', ko: '예' })}</option>
          <option value="false">{t({ en: 'No', ko: '아니오' })}</option>
        </select>
      );
    case 'date':
      return <input {...common} type="datetime-local" value={isoToLocalInput(text)} onChange={(event) => onChange(localInputToIso(event.target.value))} />;
    default:
      return <input {...common} value={text} placeholder={target.type === 'tags' ? 'vip' : ''} onChange={(event) => onChange(event.target.value)} />;
  }
}
