/** Forwarding to a group: the group, which then receives the ticket without an assignee. */
import { useI18n } from '../../../../i18n';
import { GroupSelect } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function ForwardToGroupPanel({ result, patch, invalid }: ResultFormProps<'forwardToGroup'>) {
  const { t } = useI18n();
  return (
    <Field label={t('rules.result.forwardToGroup.group')} hint={t('rules.result.forwardToGroup.hint')}>
      <GroupSelect value={result.groupId} invalid={invalid('groupId')} onChange={(groupId) => patch({ groupId })} />
    </Field>
  );
}
