/** The red count a node wears while issues point at it; the panel lists them. */
import { useI18n } from '../../i18n';

export function IssueBadge({ count }: { count: number }) {
  const { t } = useI18n();
  if (count === 0) return null;
  const label = t('rules.editor.problems', { count });
  return (
    <span className="flow-issues" title={label} aria-label={label}>
      !{count > 1 ? ` ${count}` : ''}
    </span>
  );
}
