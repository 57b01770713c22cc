/** Forwarding to a group: the group, which then receives the ticket without an assignee. */
import { GroupSelect } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function ForwardToGroupPanel({ result, patch, invalid }: ResultFormProps<'forwardToGroup'>) {
  return (
    <Field label="Group · 그룹" hint="The ticket goes to the group without an assignee. · 담당자 없이 그룹으로 전달합니다.">
      <GroupSelect value={result.groupId} invalid={invalid('groupId')} onChange={(groupId) => patch({ groupId })} />
    </Field>
  );
}
