/**
 * Simulate: run the drafts, the published version or any version against a ticket snapshot typed here or a stored
 * ticket, and read the trace. `POST /rules/simulate` changes nothing and sends nothing.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ruleVersionsApi, simulateApi } from '../api/rules';
import type { RuleSetVersionSummary, Simulation, TicketChannel, TicketPriority, TicketSnapshot, TicketStatus } from '../api/types';
import { EmptyState, ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useLang } from '../i18n';
import { CHANNEL_LABELS, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS } from '../vocabulary';
import { CategorySelect, ListInput } from './pickers';
import { TraceView } from './TraceView';

type Source = 'snapshot' | 'ticket';

interface SnapshotForm {
  subject: string;
  content: string;
  priority: TicketPriority;
  channel: TicketChannel;
  intakeTypeId: string;
  tags: string[];
  status: TicketStatus;
}

const INITIAL_FORM: SnapshotForm = {
  subject: '',
  content: '',
  priority: 'normal',
  channel: 'help_center_pc',
  intakeTypeId: '',
  tags: [],
  status: 'unassigned',
};

export function SimulatePanel({
  serviceId,
  hasPublished,
  versionsGeneration,
  unsavedEdits,
  onOpenTrigger,
}: {
  serviceId: string;
  hasPublished: boolean;
  /** Changes whenever a version is published or rolled back, so the version list is fetched again. */
  versionsGeneration: number;
  unsavedEdits: boolean;
  onOpenTrigger: (id: string) => void;
}) {
  const { t, other } = useLang();
  const ids = useId();
  const [source, setSource] = useState<Source>('snapshot');
  const [form, setForm] = useState<SnapshotForm>(INITIAL_FORM);
  const [ticketId, setTicketId] = useState('');
  const [version, setVersion] = useState('draft');
  const [versions, setVersions] = useState<RuleSetVersionSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [simulation, setSimulation] = useState<Simulation | null>(null);

  useEffect(() => {
    let cancelled = false;
    ruleVersionsApi
      .list(serviceId)
      .then((list) => !cancelled && setVersions(list))
      .catch(() => !cancelled && setVersions([]));
    return () => {
      cancelled = true;
    };
  }, [serviceId, versionsGeneration]);

  useEffect(() => {
    setSimulation(null);
    setError(null);
    setVersion('draft');
    setForm(INITIAL_FORM);
  }, [serviceId]);

  const set = <K extends keyof SnapshotForm>(key: K, value: SnapshotForm[K]) => setForm((latest) => ({ ...latest, [key]: value }));

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const ticket: Partial<TicketSnapshot> = {
        subject: form.subject,
        content: form.content,
        priority: form.priority,
        channel: form.channel,
        status: form.status,
        tags: form.tags,
        intakeTypeId: form.intakeTypeId || null,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      };
      const answer = await simulateApi.run(
        source === 'ticket' ? { serviceId, version, ticketId: ticketId.trim() } : { serviceId, version, ticket },
      );
      setSimulation(answer);
    } catch (caught) {
      setError(caught);
      setSimulation(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack simulate">
      <p className="muted small">
        Runs the rules against a ticket and shows which triggers fire and why. Nothing is changed or sent. · 티켓을 바꾸거나 메일을 보내지 않습니다.
      </p>
      <form className="stack" onSubmit={run}>
        <div className="simulate-source">
          <label className="field">
            <span className="field-label">Rules · 규칙</span>
            <select value={version} onChange={(event) => setVersion(event.target.value)}>
              <option value="draft">Drafts (saved) · 초안</option>
              <option value="published" disabled={!hasPublished}>
                Published · 게시본{hasPublished ? '' : ' (none)'}
              </option>
              {(versions ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  v{candidate.number}
                  {candidate.current ? ' · current' : ''}
                  {candidate.note ? ` — ${candidate.note}` : ''}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field-label" id={`${ids}-source`}>
              Ticket · 티켓
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby={`${ids}-source`}>
              <button type="button" role="radio" aria-checked={source === 'snapshot'} aria-pressed={source === 'snapshot'} onClick={() => setSource('snapshot')}>
                Sample · 예시
              </button>
              <button type="button" role="radio" aria-checked={source === 'ticket'} aria-pressed={source === 'ticket'} onClick={() => setSource('ticket')}>
                Ticket id
              </button>
            </div>
          </div>
        </div>
        {version === 'draft' && unsavedEdits && (
          <p className="field-hint warn">
            <Icon name="alert" size={12} /> Drafts run as saved; save the open trigger to include your edits. · 저장된 초안으로 실행합니다.
          </p>
        )}
        {source === 'ticket' ? (
          <label className="field">
            <span className="field-label">Ticket id · 티켓 번호</span>
            <input value={ticketId} onChange={(event) => setTicketId(event.target.value)} placeholder="T1603851004648zfnA" required className="mono" />
            <span className="field-hint">Runs as if the ticket had just been created. · 생성 시점으로 실행합니다.</span>
          </label>
        ) : (
          <>
            <label className="field">
              <span className="field-label">Subject · 제목</span>
              <input value={form.subject} onChange={(event) => set('subject', event.target.value)} placeholder="계좌이체 후 입금 확인이 안 됩니다" />
            </label>
            <div className="grid-2">
              <label className="field">
                <span className="field-label">Intake type · 접수유형</span>
                <CategorySelect kind="intake" value={form.intakeTypeId} onChange={(value) => set('intakeTypeId', value)} />
              </label>
              <label className="field">
                <span className="field-label">Priority · 우선순위</span>
                <select value={form.priority} onChange={(event) => set('priority', event.target.value as TicketPriority)}>
                  {PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {t(PRIORITY_LABELS[priority])} · {other(PRIORITY_LABELS[priority])}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Channel · 채널</span>
                <select value={form.channel} onChange={(event) => set('channel', event.target.value as TicketChannel)}>
                  {(Object.keys(CHANNEL_LABELS) as TicketChannel[]).map((channel) => (
                    <option key={channel} value={channel}>
                      {t(CHANNEL_LABELS[channel])}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Status · 상태</span>
                <select value={form.status} onChange={(event) => set('status', event.target.value as TicketStatus)}>
                  {(Object.keys(STATUS_LABELS) as TicketStatus[]).map((status) => (
                    <option key={status} value={status}>
                      {t(STATUS_LABELS[status])}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field">
              <span className="field-label">Tags · 태그</span>
              <ListInput values={form.tags} onChange={(tags) => set('tags', tags)} placeholder="vip, 환불" />
            </label>
          </>
        )}
        <div className="row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? <Spinner size={14} /> : <Icon name="play" size={13} />}
            {busy ? 'Simulating… · 실행 중' : 'Simulate · 시뮬레이션'}
          </button>
          {simulation && (
            <button type="button" className="button" onClick={() => setSimulation(null)}>
              Clear · 지우기
            </button>
          )}
        </div>
      </form>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {simulation ? (
        <TraceView simulation={simulation} onOpenTrigger={onOpenTrigger} />
      ) : (
        !busy &&
        !error && (
          <EmptyState icon="play" title="No run yet · 실행 전">
            <p>Fill in a sample ticket and press Simulate to see each trigger, each condition with the value it saw, and what would change.</p>
          </EmptyState>
        )
      )}
    </div>
  );
}
