/** Setting the priority: one of the four, lowest first as on a scale. */
import { useId } from 'react';
import { useLang } from '../../../../i18n';
import { PRIORITIES, PRIORITY_LABELS } from '../../../../vocabulary';
import type { ResultFormProps } from '../kind';

export function SetPriorityPanel({ result, patch }: ResultFormProps<'setPriority'>) {
  const { t, other } = useLang();
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={id}>
        Priority · 우선순위
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={id}>
        {[...PRIORITIES].reverse().map((priority) => (
          <button key={priority} type="button" role="radio" aria-checked={result.priority === priority} aria-pressed={result.priority === priority} title={other(PRIORITY_LABELS[priority])} onClick={() => patch({ priority })}>
            {t(PRIORITY_LABELS[priority])}
          </button>
        ))}
      </div>
    </div>
  );
}
