/**
 * Simulate: run the drafts, the published version or any version against a ticket snapshot typed here or a stored
 * ticket found by search, and read the trace, here and on the open trigger's graph. `POST /rules/simulate` changes
 * nothing and sends nothing.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ruleVersionsApi, simulateApi } from '../api/rules';
import type { RuleSetVersionSummary, Simulation, Ticket, TicketChannel, TicketPriority, TicketSnapshot, TicketStatus } from '../api/types';
import { EmptyState, ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { TICKET_CHANNELS, TICKET_STATUSES } from '../../../domain/ticket';
import { useI18n } from '../i18n';
import { PRIORITIES } from '../vocabulary';
import { CategorySelect, ListInput } from './pickers';
import { TicketPicker } from './TicketPicker';
import { TraceView, type GraphLink } from './TraceView';

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
  simulation,
  onSimulation,
  graph,
  onOpenTrigger,
}: {
  serviceId: string;
  hasPublished: boolean;
  /** Changes whenever a version is published or rolled back, so the version list is fetched again. */
  versionsGeneration: number;
  unsavedEdits: boolean;
  /** The last run, kept by the studio so the open trigger's graph can show it too. */
  simulation: Simulation | null;
  onSimulation: (simulation: Simulation | null) => void;
  /** Given while a trigger is open, whose graph can show the run. */
  graph: GraphLink | undefined;
  onOpenTrigger: (id: string) => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [source, setSource] = useState<Source>('snapshot');
  const [form, setForm] = useState<SnapshotForm>(INITIAL_FORM);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [version, setVersion] = useState('draft');
  const [versions, setVersions] = useState<RuleSetVersionSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

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
    setError(null);
    setVersion('draft');
    setForm(INITIAL_FORM);
    setTicket(null);
  }, [serviceId]);

  const set = <K extends keyof SnapshotForm>(key: K, value: SnapshotForm[K]) => setForm((latest) => ({ ...latest, [key]: value }));

  async function run(event: FormEvent) {
    event.preventDefault();
    if (source === 'ticket' && !ticket) return;
    setBusy(true);
    setError(null);
    try {
      const snapshot: Partial<TicketSnapshot> = {
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
        source === 'ticket' && ticket ? { serviceId, version, ticketId: ticket.id } : { serviceId, version, ticket: snapshot },
      );
      onSimulation(answer);
    } catch (caught) {
      setError(caught);
      onSimulation(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack simulate">
      <p className="muted small">{t('rules.simulate.intro')}</p>
      <form className="stack" onSubmit={run}>
        <div className="simulate-source">
          <label className="field">
            <span className="field-label">{t('rules.simulate.rules')}</span>
            <select value={version} onChange={(event) => setVersion(event.target.value)}>
              <option value="draft">{t('rules.simulate.drafts')}</option>
              <option value="published" disabled={!hasPublished}>
                {hasPublished ? t('rules.simulate.published') : t('rules.simulate.publishedNone')}
              </option>
              {(versions ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t(candidate.current ? 'rules.simulate.versionCurrent' : 'rules.simulate.version', { number: candidate.number })}
                  {candidate.note ? ` — ${candidate.note}` : ''}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <span className="field-label" id={`${ids}-source`}>
              {t('rules.simulate.ticket')}
            </span>
            <div className="segmented" role="radiogroup" aria-labelledby={`${ids}-source`}>
              <button type="button" role="radio" aria-checked={source === 'snapshot'} aria-pressed={source === 'snapshot'} onClick={() => setSource('snapshot')}>
                {t('rules.simulate.sample')}
              </button>
              <button type="button" role="radio" aria-checked={source === 'ticket'} aria-pressed={source === 'ticket'} onClick={() => setSource('ticket')}>
                {t('rules.simulate.byId')}
              </button>
            </div>
          </div>
        </div>
        {version === 'draft' && unsavedEdits && (
          <p className="field-hint warn">
            <Icon name="alert" size={12} /> {t('rules.simulate.unsaved')}
          </p>
        )}
        {source === 'ticket' ? (
          <div className="stack">
            <TicketPicker serviceId={serviceId} value={ticket} onChange={setTicket} />
            <span className="field-hint">{t('rules.simulate.ticketIdHint')}</span>
          </div>
        ) : (
          <>
            <label className="field">
              <span className="field-label">{t('rules.simulate.subject')}</span>
              <input value={form.subject} onChange={(event) => set('subject', event.target.value)} placeholder={t('rules.simulate.subjectPlaceholder')} />
            </label>
            <div className="grid-2">
              <label className="field">
                <span className="field-label">{t('rules.simulate.intakeType')}</span>
                <CategorySelect kind="intake" value={form.intakeTypeId} onChange={(value) => set('intakeTypeId', value)} />
              </label>
              <label className="field">
                <span className="field-label">{t('rules.simulate.priority')}</span>
                <select value={form.priority} onChange={(event) => set('priority', event.target.value as TicketPriority)}>
                  {PRIORITIES.map((priority) => (
                    <option key={priority} value={priority}>
                      {t(`ticket.priority.${priority}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('rules.simulate.channel')}</span>
                <select value={form.channel} onChange={(event) => set('channel', event.target.value as TicketChannel)}>
                  {TICKET_CHANNELS.map((channel) => (
                    <option key={channel} value={channel}>
                      {t(`ticket.channel.${channel}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('rules.simulate.status')}</span>
                <select value={form.status} onChange={(event) => set('status', event.target.value as TicketStatus)}>
                  {TICKET_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="field">
              <span className="field-label">{t('rules.simulate.tags')}</span>
              <ListInput values={form.tags} onChange={(tags) => set('tags', tags)} placeholder={t('rules.simulate.tagsPlaceholder')} />
            </label>
          </>
        )}
        <div className="row">
          <button type="submit" className="button primary" disabled={busy || (source === 'ticket' && !ticket)}>
            {busy ? <Spinner size={14} /> : <Icon name="play" size={13} />}
            {busy ? t('rules.simulate.simulating') : t('rules.simulate.run')}
          </button>
          {simulation && (
            <button type="button" className="button" onClick={() => onSimulation(null)}>
              {t('rules.simulate.clear')}
            </button>
          )}
        </div>
      </form>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {simulation ? (
        <TraceView simulation={simulation} onOpenTrigger={onOpenTrigger} graph={graph} />
      ) : (
        !busy &&
        !error && (
          <EmptyState icon="play" title={t('rules.simulate.noRun')}>
            <p>{t('rules.simulate.noRunBody')}</p>
          </EmptyState>
        )
      )}
    </div>
  );
}
