/** Setting the priority: one of the four, lowest first as on a scale. */
import { useId } from 'react';
import { useI18n } from '../../../../i18n';
import { PRIORITIES } from '../../../../vocabulary';
import type { ResultFormProps } from '../kind';

export function SetPriorityPanel({ result, patch }: ResultFormProps<'setPriority'>) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={id}>
        {t('rules.result.setPriority.priority')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={id}>
        {[...PRIORITIES].reverse().map((priority) => (
          <button key={priority} type="button" role="radio" aria-checked={result.priority === priority} aria-pressed={result.priority === priority} onClick={() => patch({ priority })}>
            {t(`ticket.priority.${priority}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
