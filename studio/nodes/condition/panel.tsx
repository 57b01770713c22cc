/** Editing a condition node: title and rows. Changes replace the node's plain-JSON data. */
import { OPERATOR_SYMBOLS, CONDITION_FIELDS, defaultConditionRow, valueText } from './defaults';
import type { ConditionNodeData, ConditionRow } from './types';

const OPERATORS = Object.keys(OPERATOR_SYMBOLS) as ConditionRow['operator'][];

export function ConditionPanel({ data, onChange }: { data: ConditionNodeData; onChange: (data: ConditionNodeData) => void }) {
  const setRows = (kind: 'all' | 'any', rows: ConditionRow[]) => onChange({ ...data, conditions: { ...data.conditions, [kind]: rows } });

  return (
    <div className="stack">
      <label className="field">
        <span className="field-label">Trigger name · 트리거 이름</span>
        <input value={data.title} onChange={(event) => onChange({ ...data, title: event.target.value })} />
      </label>
      {(['all', 'any'] as const).map((kind) => (
        <fieldset key={kind} className="fieldset">
          <legend className="field-label">{kind === 'all' ? 'Must match · 필수 (AND)' : 'Any of · 선택 (OR)'}</legend>
          {data.conditions[kind].map((row, index) => (
            <div key={index} className="rule-row">
              <select
                aria-label="Field"
                value={row.field}
                onChange={(event) => setRows(kind, data.conditions[kind].map((r, i) => (i === index ? { ...r, field: event.target.value } : r)))}
              >
                {CONDITION_FIELDS.map((field) => (
                  <option key={field.field} value={field.field}>
                    {field.label}
                  </option>
                ))}
              </select>
              <select
                aria-label="Operator"
                value={row.operator}
                onChange={(event) =>
                  setRows(kind, data.conditions[kind].map((r, i) => (i === index ? { ...r, operator: event.target.value as ConditionRow['operator'] } : r)))
                }
              >
                {OPERATORS.map((operator) => (
                  <option key={operator} value={operator}>
                    {OPERATOR_SYMBOLS[operator]}
                  </option>
                ))}
              </select>
              <input
                aria-label="Value"
                value={valueText(row.value)}
                onChange={(event) => setRows(kind, data.conditions[kind].map((r, i) => (i === index ? { ...r, value: event.target.value } : r)))}
              />
              <button
                type="button"
                className="icon-button small"
                aria-label="Remove row"
                onClick={() => setRows(kind, data.conditions[kind].filter((_, i) => i !== index))}
              >
                ×
              </button>
            </div>
          ))}
          <button type="button" className="button small" onClick={() => setRows(kind, [...data.conditions[kind], defaultConditionRow()])}>
            + Add row
          </button>
        </fieldset>
      ))}
    </div>
  );
}
