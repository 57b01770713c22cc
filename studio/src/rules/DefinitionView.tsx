/**
 * The open trigger as it is stored and run: the json-rules-engine definition `compileTrigger` (rules/compile.ts)
 * makes of the drawing, recompiled on every edit, read only and copyable. While the drawing has problems there is
 * no definition to show, and the panel says why.
 */
import './definition.css';
import { useMemo } from 'react';
import { compileTrigger } from '../../../rules/compile';
import type { GraphReading } from '../../../rules/graph';
import { EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';

export function DefinitionView({ reading, blockingIssueCount }: { reading: GraphReading; blockingIssueCount: number }) {
  const { t } = useI18n();
  const toast = useToast();
  const compiles = reading.ok && blockingIssueCount === 0;
  const text = useMemo(() => (compiles && reading.ok ? JSON.stringify(compileTrigger(reading.trigger), null, 2) : null), [compiles, reading]);

  if (text === null) {
    return (
      <EmptyState icon="code" title={t('rules.definition.invalid', { count: Math.max(blockingIssueCount, 1) })}>
        <p>{t('rules.definition.invalidBody')}</p>
      </EmptyState>
    );
  }
  return (
    <section className="stack definition" aria-label={t('rules.definition.label')}>
      <div className="definition-head">
        <p className="muted small">{t('rules.definition.intro')}</p>
        <button
          type="button"
          className="button small"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => toast(t('rules.definition.copied')))}
        >
          <Icon name="copy" size={13} /> {t('rules.definition.copy')}
        </button>
      </div>
      <pre className="definition-json" tabIndex={0} aria-label={t('rules.definition.label')}>
        {text}
      </pre>
    </section>
  );
}
