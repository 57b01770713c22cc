/**
 * Editing a result node: its type, then the form that type needs (from its folder, see `kinds.ts`). Every change
 * replaces the node's plain-JSON data; what the API refuses comes back as issues on the field.
 */
import type { ComponentType } from 'react';
import { useRuleLookups } from '../../context';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { useLang } from '../../../i18n';
import { RESULT_LABELS } from '../../../vocabulary';
import { Field } from './fields';
import { RESULT_KIND, RESULT_TYPES, defaultResult } from './defaults';
import type { ResultFormProps } from './kind';
import { resultKind } from './kinds';
import type { Result, ResultNodeData, ResultType } from './types';

export function ResultPanel({
  data,
  order,
  onChange,
  issues,
}: {
  data: ResultNodeData;
  order: number | undefined;
  onChange: (data: ResultNodeData) => void;
  issues: readonly NodeIssue[];
}) {
  const { t, other } = useLang();
  const lookups = useRuleLookups();
  const { result } = data;
  const set = (next: Result) => onChange({ ...data, result: next });
  // The form of the result's own type; its props are that type's, which the union cannot express here.
  const Form = resultKind(result.type).Panel as ComponentType<ResultFormProps<ResultType>>;

  return (
    <div className="stack">
      <p className="panel-kind">
        {order !== undefined ? `Runs ${ordinal(order)} · ${order}번째로 실행` : 'Not connected · 연결 안 됨'}
        <span className={`badge ${RESULT_KIND[result.type] === 'sideEffect' ? 'tone-violet' : 'tone-green'}`}>
          {RESULT_KIND[result.type] === 'sideEffect' ? 'Side effect · 외부 실행' : 'Changes the ticket · 티켓 변경'}
        </span>
      </p>
      <Field label="Result type · 결과 유형">
        <select value={result.type} onChange={(event) => set(defaultResult(event.target.value as ResultType, lookups))}>
          {RESULT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(RESULT_LABELS[type])} · {other(RESULT_LABELS[type])}
            </option>
          ))}
        </select>
      </Field>
      <Form result={result} patch={(values) => set({ ...result, ...values } as Result)} invalid={(...path) => hasIssueAt(issues, ...path)} />
    </div>
  );
}

function ordinal(order: number): string {
  const suffix = order % 10 === 1 && order % 100 !== 11 ? 'st' : order % 10 === 2 && order % 100 !== 12 ? 'nd' : order % 10 === 3 && order % 100 !== 13 ? 'rd' : 'th';
  return `${order}${suffix}`;
}
