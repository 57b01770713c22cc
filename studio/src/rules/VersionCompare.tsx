/**
 * Compare two sides of a service's rules, each a published version or the saved drafts, and read what changed in
 * words (VersionDiff). By default the live version against the drafts: what publishing would change.
 */
import './version-diff.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersionSummary, Trigger } from '../api/types';
import { Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { diffTriggerSets } from './version-diff';
import { VersionDiff } from './VersionDiff';

const DRAFTS = 'drafts';

export function VersionCompare({
  versions,
  drafts,
  unsavedEdits,
}: {
  versions: readonly RuleSetVersionSummary[];
  drafts: readonly Trigger[];
  unsavedEdits: boolean;
}) {
  const { t } = useI18n();
  const ids = useId();
  const live = versions.find((version) => version.current) ?? versions[0];
  const [from, setFrom] = useState(live?.id ?? DRAFTS);
  const [to, setTo] = useState(DRAFTS);
  const [loaded, setLoaded] = useState<Record<string, readonly Trigger[] | 'loading' | 'failed'>>({});

  useEffect(() => {
    for (const id of [from, to]) {
      if (id === DRAFTS || loaded[id]) continue;
      setLoaded((latest) => ({ ...latest, [id]: 'loading' }));
      ruleVersionsApi
        .get(id)
        .then((version) => setLoaded((latest) => ({ ...latest, [id]: version.triggers })))
        .catch(() => setLoaded((latest) => ({ ...latest, [id]: 'failed' })));
    }
  }, [from, to, loaded]);

  const side = (id: string) => (id === DRAFTS ? drafts : loaded[id]);
  const before = side(from);
  const after = side(to);
  const changes = useMemo(() => (Array.isArray(before) && Array.isArray(after) ? diffTriggerSets(before, after) : null), [before, after]);

  const picker = (label: string, value: string, onChange: (id: string) => void) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value={DRAFTS}>{t('rules.diff.drafts')}</option>
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {t(version.current ? 'rules.simulate.versionCurrent' : 'rules.simulate.version', { number: version.number })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="version-compare" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('rules.diff.title')}</h3>
      <div className="version-compare-sides">
        {picker(t('rules.diff.from'), from, setFrom)}
        <Icon name="forward" size={14} />
        {picker(t('rules.diff.to'), to, setTo)}
      </div>
      {unsavedEdits && (from === DRAFTS || to === DRAFTS) && (
        <p className="field-hint warn">
          <Icon name="alert" size={12} /> {t('rules.diff.unsaved')}
        </p>
      )}
      {before === 'failed' || after === 'failed' ? (
        <p className="field-hint warn">{t('rules.diff.failed')}</p>
      ) : changes === null ? (
        <Spinner size={14} label={t('rules.diff.loading')} />
      ) : (
        <VersionDiff changes={changes} />
      )}
    </section>
  );
}
