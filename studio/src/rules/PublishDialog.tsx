/** Publishing the saved drafts as the service's next rule-set version, with an optional note for the history. */
import { useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersion } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';

export function PublishDialog({
  open,
  serviceId,
  triggerCount,
  enabledCount,
  nextNumber,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  open: boolean;
  serviceId: string;
  triggerCount: number;
  enabledCount: number;
  nextNumber: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onPublished: (version: RuleSetVersion) => void;
}) {
  return (
    <Dialog open={open} title={`Publish v${nextNumber} · 게시`} subtitle="Tickets are evaluated against the published version. · 게시된 버전으로 티켓을 처리합니다." onClose={onClose} width={500}>
      {open && (
        <PublishForm
          serviceId={serviceId}
          triggerCount={triggerCount}
          enabledCount={enabledCount}
          unsavedEdits={unsavedEdits}
          onClose={onClose}
          onPublished={onPublished}
        />
      )}
    </Dialog>
  );
}

function PublishForm({
  serviceId,
  triggerCount,
  enabledCount,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  serviceId: string;
  triggerCount: number;
  enabledCount: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onPublished: (version: RuleSetVersion) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      onPublished(await ruleVersionsApi.publish(serviceId, note.trim() || undefined));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <p>
        {triggerCount === 0
          ? 'There are no triggers: publishing turns automation off for this service. · 트리거가 없으므로 자동화가 꺼집니다.'
          : `${triggerCount} saved ${triggerCount === 1 ? 'trigger' : 'triggers'} (${enabledCount} enabled) will run, in the list's order. · 저장된 트리거 ${triggerCount}개가 목록 순서대로 실행됩니다.`}
      </p>
      {unsavedEdits && (
        <p className="field-hint warn">
          <Icon name="alert" size={12} /> The open trigger has unsaved edits, which are not published. Save first to include them. · 저장하지 않은 편집은 게시되지 않습니다.
        </p>
      )}
      <label className="field">
        <span className="field-label">Note · 메모 (optional)</span>
        <textarea rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} placeholder="결제 문의 자동 배정 추가" autoFocus />
        <span className="field-hint">Shown in the version history and the audit log. · 게시 이력과 감사 로그에 남습니다.</span>
      </label>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          Cancel · 취소
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <Spinner size={14} /> : <Icon name="upload" size={13} />}
          {busy ? 'Publishing… · 게시 중' : 'Publish · 게시'}
        </button>
      </div>
    </form>
  );
}
