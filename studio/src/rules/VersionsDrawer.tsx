/**
 * Published rule-set versions, newest first: who published them, when, with which note, and their triggers on
 * request. Rolling back republishes an old version as a new number and replaces the drafts with its triggers.
 */
import { useEffect, useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersion, RuleSetVersionSummary } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { Dialog } from '../components/dialog';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useDirectory } from '../directory';
import { absoluteTime, relativeTime } from '../format';
import { useLang } from '../i18n';

export function VersionsDrawer({
  open,
  serviceId,
  generation,
  unsavedEdits,
  onClose,
  onRolledBack,
}: {
  open: boolean;
  serviceId: string;
  generation: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onRolledBack: (version: RuleSetVersion) => void;
}) {
  const { lang } = useLang();
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
      const version = await ruleVersionsApi.rollback(confirming.id, `Rollback to v${confirming.number}`);
      toast(`Rolled back: v${confirming.number} runs again as v${version.number} · 롤백 완료`);
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
      <Dialog variant="drawer" open={open} title="Versions · 게시 이력" subtitle="Every publish is a numbered, immutable version. · 게시할 때마다 번호가 붙은 버전이 만들어집니다." onClose={onClose}>
        {error ? (
          <ErrorBanner error={error} />
        ) : !versions ? (
          <LoadingBlock label="Loading versions… · 불러오는 중" />
        ) : versions.length === 0 ? (
          <EmptyState icon="history" title="Nothing published yet · 게시 이력 없음">
            <p>Drafts take effect when you publish them.</p>
          </EmptyState>
        ) : (
          <ol className="version-list">
            {versions.map((version) => {
              const detail = details[version.id];
              return (
                <li key={version.id} className={`version-item${version.current ? ' current' : ''}`}>
                  <div className="version-head">
                    <strong className="version-number">v{version.number}</strong>
                    {version.current && <span className="badge tone-green">Live · 적용 중</span>}
                    {version.rolledBackFrom !== null && <span className="badge tone-slate">Copy of v{version.rolledBackFrom} · 롤백</span>}
                    <span className="muted small" title={absoluteTime(version.publishedAt, lang)}>
                      {relativeTime(version.publishedAt, lang)}
                    </span>
                  </div>
                  <p className="small">
                    {version.triggerCount} {version.triggerCount === 1 ? 'trigger' : 'triggers'} · {version.publishedBy ? (directory.agentName(version.publishedBy) ?? version.publishedBy) : '—'}
                  </p>
                  {version.note && <p className="version-note">“{version.note}”</p>}
                  <div className="row">
                    <button type="button" className="button small" onClick={() => toggleDetails(version.id)} aria-expanded={Boolean(detail)}>
                      {detail ? 'Hide triggers · 접기' : 'Show triggers · 트리거 보기'}
                    </button>
                    {!version.current && (
                      <button type="button" className="button small" onClick={() => setConfirming(version)}>
                        <Icon name="undo" size={13} /> Roll back to this · 롤백
                      </button>
                    )}
                  </div>
                  {detail === 'loading' && <Spinner size={14} label="Loading" />}
                  {detail === 'failed' && <p className="field-hint warn">Could not load this version.</p>}
                  {detail && typeof detail === 'object' && (
                    <ol className="version-triggers">
                      {detail.triggers.map((trigger) => (
                        <li key={trigger.id} className={trigger.enabled ? '' : 'muted'}>
                          {trigger.title}
                          {!trigger.enabled && ' (off · 중지)'}
                        </li>
                      ))}
                      {detail.triggers.length === 0 && <li className="muted">No triggers — automation off · 트리거 없음</li>}
                    </ol>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Dialog>
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? `Roll back to v${confirming.number}? · 롤백할까요?` : ''}
        confirmLabel="Roll back · 롤백"
        busyLabel="Rolling back… · 롤백 중"
        busy={rolling}
        error={rollbackError}
        onConfirm={() => void rollback()}
        onClose={() => {
          setConfirming(null);
          setRollbackError(null);
        }}
      >
        <p>
          Its {confirming?.triggerCount} triggers are published again as a new version, which runs from now on, and they replace the drafts. · 이 버전의 트리거가 새 버전으로
          다시 게시되고 초안을 대체합니다.
        </p>
        {unsavedEdits && (
          <p className="field-hint warn">
            <Icon name="alert" size={12} /> The open trigger has unsaved edits; they will be discarded. · 저장하지 않은 편집은 사라집니다.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
