/**
 * The actions an SLA policy runs at one stage (at risk or breached), in order: every kind the API accepts for a late
 * ticket (`rules/sla-policies.ts`), each edited with the rule studio's own form for that kind of trigger result and
 * started from {@link newSlaResult}.
 * Needs the rule studio's lookups (groups, agents) of the policy's service around it. A refused action is marked, and
 * the field at fault inside it.
 */
// The forms' own styles (check rows, substitution codes), which the rule studio's chunk otherwise brings.
import '../../rules/rules.css';
import type { ComponentType } from 'react';
import { SLA_RESULT_TYPES } from '../../../../rules/sla-policies';
import type { SlaPolicy } from '../../api/admin';
import { Icon } from '../../components/icons';
import { useI18n } from '../../i18n';
import { useRuleLookups } from '../../rules/context';
import { apiIssues, hasIssueAt, type NodeIssue } from '../../rules/issues';
import type { ResultFormProps } from '../../rules/nodes/result/kind';
import { resultKind } from '../../rules/nodes/result/kinds';
import { newSlaResult, type ResultList } from './defaults';

type Result = SlaPolicy['onBreach'][number];
type Kind = Result['type'];

export function SlaResultsEditor({
  list,
  results,
  error,
  onChange,
}: {
  list: ResultList;
  results: Result[];
  /** The last refusal; its issues under `[list, index]` mark that action and its fields. */
  error: unknown;
  onChange: (results: Result[]) => void;
}) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const issues = apiIssues(error).filter((issue) => issue.path[0] === list);
  const issuesOf = (index: number): NodeIssue[] =>
    issues.filter((issue) => issue.path[1] === index).map((issue) => ({ field: issue.path.slice(2), code: issue.code }));
  const replace = (index: number, result: Result) => onChange(results.map((other, at) => (at === index ? result : other)));
  const fresh = (kind: Kind) => newSlaResult(kind, list, lookups);

  return (
    <fieldset className="fieldset sla-results">
      <legend className="field-label">{t(`admin.sla.dialog.${list}`)}</legend>
      {results.map((result, index) => {
        const label = t('admin.sla.dialog.resultType', { index: index + 1 });
        const refused = issuesOf(index);
        // The form of the action's own kind; its props are that kind's, which the union cannot express here.
        const Form = resultKind(result.type).Panel as ComponentType<ResultFormProps<Kind>>;
        return (
          <div key={index} className={`sla-result${refused.length > 0 ? ' invalid' : ''}`} role="group" aria-label={label}>
            <div className="sla-result-row">
              <select aria-label={label} value={result.type} onChange={(event) => replace(index, fresh(event.target.value as Kind))}>
                {SLA_RESULT_TYPES.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`rules.resultType.${kind}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={t('admin.sla.dialog.removeResult', { index: index + 1 })}
                title={t('admin.sla.dialog.removeResult', { index: index + 1 })}
                onClick={() => onChange(results.filter((_, at) => at !== index))}
              >
                <Icon name="x" size={14} />
              </button>
            </div>
            <Form result={result} patch={(values) => replace(index, { ...result, ...values } as Result)} invalid={(...path) => hasIssueAt(refused, ...path)} />
            {refused.length > 0 && (
              <span className="field-error" role="alert">
                {t('admin.sla.dialog.refused')}
              </span>
            )}
          </div>
        );
      })}
      <div className="sla-result-add">
        {SLA_RESULT_TYPES.map((kind) => (
          <button key={kind} type="button" className="button small" onClick={() => onChange([...results, fresh(kind)])}>
            <Icon name="plus" size={13} /> {t(`rules.resultType.${kind}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
