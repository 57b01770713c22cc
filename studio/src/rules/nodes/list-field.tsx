/** The top-level list a row or group joined to the trigger belongs to: must-match (AND) or optional (OR). */
import { useId } from 'react';
import { useI18n } from '../../i18n';
import type { ConditionGroup } from '../../../../rules/graph';

export function ListField({ value, onChange }: { value: ConditionGroup; onChange: (group: ConditionGroup) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={id}>
        {t('rules.condition.group')}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={id}>
        {(['all', 'any'] as const).map((group) => (
          <button key={group} type="button" role="radio" aria-checked={value === group} aria-pressed={value === group} onClick={() => onChange(group)}>
            {t(`rules.group.${group}`)}
          </button>
        ))}
      </div>
      <span className="field-hint">{value === 'all' ? t('rules.condition.allHint') : t('rules.condition.anyHint')}</span>
    </div>
  );
}
