/** Assigning: a group, how an agent of it is chosen, and the agent when one is named. */
import { AgentSelect, GroupSelect, useAssignableAgents } from '../../../pickers';
import { useLang } from '../../../../i18n';
import { ASSIGN_STRATEGY_LABELS } from '../../../../vocabulary';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';
import type { ResultOf } from '../types';

type Strategy = ResultOf<'assign'>['strategy'];

export function AssignPanel({ result, patch, invalid }: ResultFormProps<'assign'>) {
  const { t, other } = useLang();
  const members = useAssignableAgents(result.groupId || undefined);
  return (
    <>
      <Field label="Group · 그룹">
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
      <Field label="How · 배분 방식" hint="When several triggers assign, the last one applied wins. · 여러 트리거가 배정하면 마지막 배정이 적용됩니다.">
        <select
          value={result.strategy}
          onChange={(event) => {
            const strategy = event.target.value as Strategy;
            patch({ strategy, agentId: strategy === 'agent' ? result.agentId : undefined });
          }}
        >
          {(Object.keys(ASSIGN_STRATEGY_LABELS) as Strategy[]).map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(ASSIGN_STRATEGY_LABELS[strategy])} · {other(ASSIGN_STRATEGY_LABELS[strategy])}
            </option>
          ))}
        </select>
      </Field>
      {result.strategy === 'agent' && (
        <Field label="Agent · 상담원">
          <AgentSelect groupId={result.groupId || undefined} value={result.agentId ?? ''} invalid={invalid('agentId')} onChange={(agentId) => patch({ agentId: agentId || undefined })} />
        </Field>
      )}
    </>
  );
}
