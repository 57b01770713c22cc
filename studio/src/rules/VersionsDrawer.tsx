/**
 * Published rule-set versions, newest first: who published them, when, with which note, and their triggers on
 * request, under a comparison of any two versions or the drafts. Rolling back republishes an old version as a new
 * number and replaces the drafts with its triggers.
 */
import { useEffect, useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersion, RuleSetVersionSummary, Trigger } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { Dialog } from '../components/dialog';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { VersionCompare } from './VersionCompare';

export function VersionsDrawer({
  open,
  serviceId,
  generation,
  drafts,
  unsavedEdits,
  onClose,
  onRolledBack,
}: {
  open: boolean;
  serviceId: string;
  generation: number;
  /** The saved drafts, one side a comparison may take. */
  drafts: readonly Trigger[];
  unsavedEdits: boolean;
  onClose: () => void;
  onRolledBack: (version: RuleSetVersion) => void;
}) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const directory = useDirectory();
  const toast = useToast();
  const [versions, setVersions] = useState<RuleSetVersionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [details, setDetails] = useState<Record<string, RuleSetVersion | 'loading' | 'failed'>>({});
  const [confirming, setConfirming] = useState<RuleSetVersionSummary | null>(null);
  const [rolling, setRolling] = useState(false);
  const [rollbackError, setRollbackError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setError(null);
    ruleVersionsApi
      .list(serviceId)
      .then((list) => !cancelled && setVersions(list))
      .catch((caught) => !cancelled && setError(caught));
    return () => {
      cancelled = true;
    };
  }, [open, serviceId, generation]);

  useEffect(() => {
    setVersions(null);
    setDetails({});
  }, [serviceId]);

  const toggleDetails = (id: string) => {
    if (details[id]) {
      setDetails(({ [id]: _closed, ...rest }) => rest);
      return;
    }
    setDetails((latest) => ({ ...latest, [id]: 'loading' }));
    ruleVersionsApi
      .get(id)
      .then((version) => setDetails((latest) => ({ ...latest, [id]: version })))
      .catch(() => setDetails((latest) => ({ ...latest, [id]: 'failed' })));
  };

  async function rollback() {
    if (!confirming) return;
    setRolling(true);
    setRollbackError(null);
    try {
      const version = await ruleVersionsApi.rollback(confirming.id, t('rules.versions.rollbackNote', { number: confirming.number }));
      toast(t('rules.versions.rolledBack', { from: confirming.number, to: version.number }));
      setConfirming(null);
      onRolledBack(version);
    } catch (caught) {
      setRollbackError(caught);
    } finally {
      setRolling(false);
    }
  }

  return (
    <>
      <Dialog variant="drawer" open={open} title={t('rules.versions.title')} subtitle={t('rules.versions.subtitle')} onClose={onClose}>
        {error ? (
          <ErrorBanner error={error} />
        ) : !versions ? (
          <LoadingBlock label={t('rules.versions.loading')} />
        ) : versions.length === 0 ? (
          <EmptyState icon="history" title={t('rules.versions.empty')}>
            <p>{t('rules.versions.emptyBody')}</p>
          </EmptyState>
        ) : (
          <>
          <VersionCompare versions={versions} drafts={drafts} unsavedEdits={unsavedEdits} />
          <ol className="version-list">
            {versions.map((version) => {
              const detail = details[version.id];
              return (
                <li key={version.id} className={`version-item${version.current ? ' current' : ''}`}>
                  <div className="version-head">
                    <strong className="version-number">v{version.number}</strong>
                    {version.current && <span className="badge tone-green">{t('rules.versions.live')}</span>}
                    {version.rolledBackFrom !== null && <span className="badge tone-slate">{t('rules.versions.copyOf', { number: version.rolledBackFrom })}</span>}
                    <span className="muted small" title={formatDateTime(version.publishedAt)}>
                      {formatRelative(version.publishedAt)}
                    </span>
                  </div>
                  <p className="small">
                    {t('rules.versions.triggers', {
                      count: version.triggerCount,
                      publisher: version.publishedBy ? (directory.agentName(version.publishedBy) ?? version.publishedBy) : '—',
                    })}
                  </p>
                  {version.note && <p className="version-note">“{version.note}”</p>}
                  <div className="row">
                    <button type="button" className="button small" onClick={() => toggleDetails(version.id)} aria-expanded={Boolean(detail)}>
                      {detail ? t('rules.versions.hide') : t('rules.versions.show')}
                    </button>
                    {!version.current && (
                      <button type="button" className="button small" onClick={() => setConfirming(version)}>
                        <Icon name="undo" size={13} /> {t('rules.versions.rollBackTo')}
                      </button>
                    )}
                  </div>
                  {detail === 'loading' && <Spinner size={14} label={t('rules.versions.loadingOne')} />}
                  {detail === 'failed' && <p className="field-hint warn">{t('rules.versions.failed')}</p>}
                  {detail && typeof detail === 'object' && (
                    <ol className="version-triggers">
                      {detail.triggers.map((trigger) => (
                        <li key={trigger.id} className={trigger.enabled ? '' : 'muted'}>
                          {trigger.enabled ? trigger.title : t('rules.versions.off', { title: trigger.title })}
                        </li>
                      ))}
                      {detail.triggers.length === 0 && <li className="muted">{t('rules.versions.noTriggers')}</li>}
                    </ol>
                  )}
                </li>
              );
            })}
          </ol>
          </>
        )}
      </Dialog>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? t('rules.versions.confirmTitle', { number: confirming.number }) : ''}
        confirmLabel={t('rules.versions.rollBack')}
        busyLabel={t('rules.versions.rollingBack')}
        busy={rolling}
        error={rollbackError}
        onConfirm={() => void rollback()}
        onClose={() => {
          setConfirming(null);
          setRollbackError(null);
        }}
      >
        <p>{t('rules.versions.confirmBody', { count: confirming?.triggerCount ?? 0 })}</p>
        {unsavedEdits && (
          <p className="field-hint warn">
            <Icon name="alert" size={12} /> {t('rules.versions.unsaved')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
