/** The dialogs of the callback list: assign (even or manual), record a call attempt, register history as a ticket. */
import { useEffect, useState, type FormEvent } from 'react';
import { callbacksApi, type AgentPresence, type BatchResult, type Callback, type CallbackOutcome } from '../api/callbacks';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { useI18n } from '../i18n';

const OUTCOMES: CallbackOutcome[] = ['answered', 'no_answer', 'busy', 'wrong_number'];

/** A dialog form's sending state: busy while the action runs, its error shown until the next try. */
function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent, action: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}

/** Cancel, and the submit button of the dialog's form (`formId`), spinning while it sends. */
function SubmitFooter({ formId, label, busy, disabled = false, onClose }: { formId: string; label: string; busy: boolean; disabled?: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onClose}>
        {t('common.action.cancel')}
      </button>
      <button type="submit" form={formId} className="button primary" disabled={busy || disabled}>
        {busy && <Spinner size={14} />} {label}
      </button>
    </div>
  );
}

export function AssignDialog({
  open,
  callbackIds,
  onClose,
  onDone,
}: {
  open: boolean;
  callbackIds: string[];
  onClose: () => void;
  onDone: (result: BatchResult) => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'even' | 'manual'>('even');
  const [loggedInOnly, setLoggedInOnly] = useState(false);
  const [agents, setAgents] = useState<AgentPresence[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, setError, submit } = useSubmission();

  useEffect(() => {
    if (!open) return;
    setError(null);
    setChosen([]);
    void callbacksApi.presence().then(setAgents, (caught: unknown) => {
      setAgents([]);
      setError(caught);
    });
  }, [open]);

  const visible = (agents ?? []).filter((agent) => mode === 'manual' || !loggedInOnly || agent.presence === 'logged_in');
  const pick = (id: string) =>
    setChosen((current) => (mode === 'manual' ? [id] : current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  const send = (event: FormEvent) =>
    submit(event, async () => {
      onDone(await callbacksApi.assign(callbackIds, chosen, mode, mode === 'even' && loggedInOnly));
    });

  return (
    <Dialog
      open={open}
      title={t('callbacks.assign.title')}
      subtitle={t('callbacks.assign.subtitle', { count: callbackIds.length })}
      onClose={onClose}
      footer={<SubmitFooter formId="assign-callbacks" label={t('callbacks.assign.submit')} busy={busy} disabled={chosen.length === 0} onClose={onClose} />}
    >
      <form id="assign-callbacks" className="stack" onSubmit={(event) => void send(event)}>
        <ErrorBanner error={error} />
        <div className="field">
          <span className="field-label" id="assign-mode">
            {t('callbacks.assign.mode')}
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="assign-mode">
            {(['even', 'manual'] as const).map((candidate) => (
              <button
                key={candidate}
                type="button"
                role="radio"
                aria-checked={mode === candidate}
                aria-pressed={mode === candidate}
                onClick={() => {
                  setMode(candidate);
                  setChosen((current) => (candidate === 'manual' ? current.slice(0, 1) : current));
                }}
              >
                {t(`callbacks.assign.${candidate}`)}
              </button>
            ))}
          </div>
          <span className="field-hint">{t(mode === 'even' ? 'callbacks.assign.evenHint' : 'callbacks.assign.manualHint')}</span>
        </div>
        {mode === 'even' && (
          <label className="choice">
            <input type="checkbox" checked={loggedInOnly} onChange={(event) => setLoggedInOnly(event.target.checked)} />
            {t('callbacks.assign.loggedInOnly')}
          </label>
        )}
        <fieldset className="fieldset">
          <legend className="field-label">{t('callbacks.assign.agents')}</legend>
          {agents === null ? (
            <Spinner size={16} />
          ) : visible.length === 0 ? (
            <p className="muted">{t('callbacks.assign.noAgents')}</p>
          ) : (
            <div className="choice-list columns agent-choices">
              {visible.map((agent) => (
                <label key={agent.agentId} className="choice">
                  <input
                    type={mode === 'manual' ? 'radio' : 'checkbox'}
                    name="assign-agent"
                    checked={chosen.includes(agent.agentId)}
                    onChange={() => pick(agent.agentId)}
                  />
                  <span className="truncate">{agent.name}</span>
                  <span className={`presence ${agent.presence}`} title={t(agent.presence === 'logged_in' ? 'callbacks.assign.loggedIn' : 'callbacks.assign.loggedOut')}>
                    <span className="sr-only">{t(agent.presence === 'logged_in' ? 'callbacks.assign.loggedIn' : 'callbacks.assign.loggedOut')}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}

export function ConnectDialog({ callback, onClose, onDone }: { callback: Callback; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<CallbackOutcome>('answered');
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmission();

  const send = (event: FormEvent) =>
    submit(event, async () => {
      await callbacksApi.connect(callback.id, outcome, note.trim() || undefined);
      onDone();
    });

  return (
    <Dialog
      open
      title={t('callbacks.connect.title')}
      subtitle={t('callbacks.connect.subtitle', { phone: callback.phone, route: callback.route.name })}
      onClose={onClose}
      footer={<SubmitFooter formId="connect-callback" label={t('callbacks.connect.submit')} busy={busy} onClose={onClose} />}
    >
      <form id="connect-callback" className="stack" onSubmit={(event) => void send(event)}>
        <ErrorBanner error={error} />
        <fieldset className="fieldset">
          <legend className="field-label">{t('callbacks.connect.outcome')}</legend>
          <div className="choice-list columns">
            {OUTCOMES.map((candidate) => (
              <label key={candidate} className="choice">
                <input type="radio" name="outcome" checked={outcome === candidate} onChange={() => setOutcome(candidate)} />
                {t(`callbacks.outcome.${candidate}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">{t('callbacks.connect.note')}</span>
          <textarea rows={3} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}

export function HistoryDialog({ callback, onClose, onDone }: { callback: Callback; onClose: () => void; onDone: (updated: Callback) => void }) {
  const { t } = useI18n();
  const [subject, setSubject] = useState(`${callback.route.name} · ${callback.phone}`);
  const [content, setContent] = useState('');
  const { busy, error, submit } = useSubmission();

  const send = (event: FormEvent) =>
    submit(event, async () => {
      onDone(await callbacksApi.registerHistory(callback.id, subject.trim(), content.trim()));
    });

  return (
    <Dialog
      open
      title={t('callbacks.history.title')}
      subtitle={t('callbacks.connect.subtitle', { phone: callback.phone, route: callback.route.name })}
      onClose={onClose}
      footer={<SubmitFooter formId="callback-history" label={t('callbacks.history.submit')} busy={busy} disabled={!subject.trim() || !content.trim()} onClose={onClose} />}
    >
      <form id="callback-history" className="stack" onSubmit={(event) => void send(event)}>
        <ErrorBanner error={error} />
        <label className="field">
          <span className="field-label">{t('callbacks.history.subject')}</span>
          <input value={subject} onChange={(event) => setSubject(event.target.value)} maxLength={500} required />
        </label>
        <label className="field">
          <span className="field-label">{t('callbacks.history.content')}</span>
          <textarea rows={5} value={content} onChange={(event) => setContent(event.target.value)} required autoFocus />
        </label>
      </form>
    </Dialog>
  );
}
