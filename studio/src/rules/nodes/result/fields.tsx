/** Form pieces every result panel uses: a labelled field and the list of substitution codes. */
import type { ReactNode } from 'react';
import { SUBSTITUTION_CODES } from '../../../../../rules/substitution';
import { useI18n } from '../../../i18n';

export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function SubstitutionCodes() {
  const { t } = useI18n();
  return (
    <details className="codes">
      <summary>{t('rules.result.codes')}</summary>
      <div className="code-list">
        {SUBSTITUTION_CODES.map((code) => (
          <code key={code}>{`#{${code}}`}</code>
        ))}
        <code>{'#{customerField.<code>}'}</code>
      </div>
    </details>
  );
}
