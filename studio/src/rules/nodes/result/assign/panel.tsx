/** Assigning: a group, how an agent of it is chosen, and the agent when one is named. */
import { AgentSelect, GroupSelect, useAssignableAgents } from '../../../pickers';
import { AssignStrategy } from '../../../../../../rules/model';
import { useI18n } from '../../../../i18n';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';
import type { ResultOf } from '../types';

type Strategy = ResultOf<'assign'>['strategy'];

const STRATEGIES = AssignStrategy.options;

export function AssignPanel({ result, patch, invalid }: ResultFormProps<'assign'>) {
  const { t } = useI18n();
  const members = useAssignableAgents(result.groupId || undefined);
  return (
    <>
      <Field label={t('rules.result.assign.group')}>
        <GroupSelect
          value={result.groupId}
          invalid={invalid('groupId')}
          onChange={(groupId) => {
            // An agent outside the new group could never be assigned there; the admin picks again.
            const keep = result.agentId && members?.some((agent) => agent.id === result.agentId);
            patch({ groupId, agentId: keep ? result.agentId : undefined });
          }}
        />
      </Field>
      <Field label={t('rules.result.assign.strategy')} hint={t('rules.result.assign.strategyHint')}>
        <select
          value={result.strategy}
          onChange={(event) => {
            const strategy = event.target.value as Strategy;
            patch({ strategy, agentId: strategy === 'agent' ? result.agentId : undefined });
          }}
        >
          {STRATEGIES.map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(`rules.strategy.${strategy}`)}
            </option>
          ))}
        </select>
      </Field>
      {result.strategy === 'agent' && (
        <Field label={t('rules.result.assign.agent')}>
          <AgentSelect groupId={result.groupId || undefined} value={result.agentId ?? ''} invalid={invalid('agentId')} onChange={(agentId) => patch({ agentId: agentId || undefined })} />
        </Field>
      )}
    </>
  );
}
