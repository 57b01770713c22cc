/**
 * Editing a result node: its type, then the form that type needs (from its folder, see `kinds.ts`). Every change
 * replaces the node's plain-JSON data; what the API refuses comes back as issues on the field.
 */
import type { ComponentType } from 'react';
import { useRuleLookups } from '../../context';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { useI18n } from '../../../i18n';
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
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const { result } = data;
  const set = (next: Result) => onChange({ ...data, result: next });
  // Side effects (mail, messages, calls out) run after every change the firing triggers make, whatever their place.
  const sideEffect = RESULT_KIND[result.type] === 'sideEffect';
  // The form of the result's own type; its props are that type's, which the union cannot express here.
  const Form = resultKind(result.type).Panel as ComponentType<ResultFormProps<ResultType>>;

  return (
    <div className="stack">
      <p className="panel-kind">
        {order === undefined ? t('rules.result.notConnected') : sideEffect ? t('rules.result.runsAfterChanges', { order }) : t('rules.result.runs', { order })}
        <span className={`badge ${sideEffect ? 'tone-violet' : 'tone-green'}`}>
          {sideEffect ? t('rules.result.sideEffect') : t('rules.result.changesTicket')}
        </span>
      </p>
      <Field label={t('rules.result.type')}>
        <select value={result.type} onChange={(event) => set(defaultResult(event.target.value as ResultType, lookups))}>
          {RESULT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`rules.resultType.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Form result={result} patch={(values) => set({ ...result, ...values } as Result)} invalid={(...path) => hasIssueAt(issues, ...path)} />
    </div>
  );
}
