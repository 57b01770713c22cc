/**
 * Impact preview (영향 미리보기), in the publish dialog: the saved drafts replayed on the creation of a period's
 * tickets next to the published version, with the server's progress as it works. Per trigger, paired bars show how
 * many tickets each version fires on; opened, a trigger tells what each of its results would do and shows sample
 * tickets, those the versions treat differently first. Nothing is changed by it.
 */
import { useEffect, useRef, useState } from 'react';
import { impactApi, type ImpactPreview as Preview, type ImpactProgress } from '../api/rules';
import type { Trigger } from '../api/types';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { hrefFor } from '../router';
import { useI18n } from '../i18n';
import { useRuleLookups } from './context';
import { summarize } from './nodes/result/defaults';
import { Changes } from './TraceView';

/** Periods offered, in days back from now. */
const PERIODS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;

type Run = { progress: ImpactProgress | null; result: Preview | null; error: unknown; running: boolean };
const IDLE: Run = { progress: null, result: null, error: null, running: false };

export function ImpactPreview({ serviceId, drafts }: { serviceId: string; drafts: readonly Trigger[] }) {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [run, setRun] = useState<Run>(IDLE);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function preview() {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRun({ ...IDLE, running: true });
    const period = { from: new Date(Date.now() - days * DAY_MS).toISOString(), to: new Date().toISOString() };
    try {
      const result = await impactApi.preview(serviceId, period, (progress) => setRun((latest) => ({ ...latest, progress })), controller.signal);
      setRun({ ...IDLE, result });
    } catch (error) {
      if (!controller.signal.aborted) setRun({ ...IDLE, error });
    }
  }

  const { progress, result } = run;
  return (
    <section className="impact" aria-labelledby="impact-title">
      <div className="impact-head">
        <div>
          <h3 id="impact-title">{t('rules.impact.title')}</h3>
          <p className="field-hint">{t('rules.impact.hint')}</p>
        </div>
        <div className="impact-controls">
          <div className="segmented small" role="group" aria-label={t('rules.impact.period')}>
            {PERIODS.map((period) => (
              <button key={period} type="button" aria-pressed={days === period} onClick={() => setDays(period)} disabled={run.running}>
                {t('rules.impact.days', { count: period })}
              </button>
            ))}
          </div>
          <button type="button" className="button small" onClick={() => void preview()} disabled={run.running}>
            {run.running ? <Spinner size={12} /> : <Icon name="play" size={12} />}
            {t('rules.impact.run')}
          </button>
        </div>
      </div>
      {run.running && (
        <div className="impact-progress" role="status" aria-live="polite">
          <progress max={progress?.total || 1} value={progress?.scanned ?? 0} />
          <span className="muted small">
            {progress ? t('rules.impact.progress', { scanned: progress.scanned, total: progress.total }) : t('rules.impact.starting')}
          </span>
        </div>
      )}
      <ErrorBanner error={run.error} onDismiss={() => setRun(IDLE)} />
      {result && <ImpactResult result={result} drafts={drafts} />}
    </section>
  );
}

function ImpactResult({ result, drafts }: { result: Preview; drafts: readonly Trigger[] }) {
  const { t } = useI18n();
  if (result.tickets === 0) return <p className="muted small">{t('rules.impact.noTickets')}</p>;
  const widest = Math.max(1, ...result.triggers.flatMap((trigger) => [trigger.draft?.fired ?? 0, trigger.published?.fired ?? 0]));
  const version = result.published ? t('rules.impact.publishedVersion', { number: result.published.number ?? '?' }) : t('rules.impact.nothingPublished');
  return (
    <div className="impact-result">
      <p className="impact-summary">
        {t('rules.impact.summary', {
          tickets: result.tickets,
          draft: result.changedByDraft,
          published: result.changedByPublished,
          version,
        })}{' '}
        <strong>{t('rules.impact.differing', { count: result.differing })}</strong>
      </p>
      {result.recorded < result.tickets && (
        <p className="field-hint">{t('rules.impact.unrecorded', { count: result.tickets - result.recorded })}</p>
      )}
      <div className="impact-legend muted small" aria-hidden>
        <span className="impact-swatch draft" /> {t('rules.impact.drafts')}
        <span className="impact-swatch published" /> {version}
      </div>
      <ul className="impact-triggers">
        {result.triggers.map((trigger) => (
          <TriggerImpactRow key={trigger.triggerId} trigger={trigger} draft={drafts.find((entry) => entry.id === trigger.triggerId)} widest={widest} />
        ))}
      </ul>
    </div>
  );
}

function TriggerImpactRow({ trigger, draft, widest }: { trigger: Preview['triggers'][number]; draft: Trigger | undefined; widest: number }) {
  const { t, formatNumber } = useI18n();
  const lookups = useRuleLookups();
  const bar = (fired: number | undefined, kind: 'draft' | 'published') => (
    <div className={`impact-bar ${kind}`}>
      <span style={{ width: `${((fired ?? 0) / widest) * 100}%` }} />
      <em>{fired === undefined ? t('rules.impact.absent') : formatNumber(fired)}</em>
    </div>
  );
  return (
    <li>
      <details>
        <summary>
          <span className="impact-title">{trigger.title}</span>
          <span className="impact-bars" aria-label={t('rules.impact.firedAria', { draft: trigger.draft?.fired ?? 0, published: trigger.published?.fired ?? 0 })}>
            {bar(trigger.draft?.fired, 'draft')}
            {bar(trigger.published?.fired, 'published')}
          </span>
        </summary>
        {draft && trigger.draft && (
          <ul className="impact-results">
            {draft.results.map((result, index) => (
              <li key={index}>
                <span>{summarize(result, lookups, t)}</span>
                <strong>{t('rules.impact.resultTickets', { count: trigger.draft!.results[index] ?? 0 })}</strong>
              </li>
            ))}
          </ul>
        )}
        {trigger.samples.length > 0 && (
          <ol className="impact-samples">
            {trigger.samples.map((sample) => (
              <li key={sample.ticketId}>
                <a href={hrefFor({ name: 'inbox', list: 'all', ticketId: sample.ticketId })} target="_blank" rel="noreferrer">
                  <span className="mono">{sample.ticketId}</span> {sample.subject}
                </a>
                <div className="impact-sample-changes">
                  <span className="muted small">{t('rules.impact.drafts')}</span>
                  {sample.draft && Object.keys(sample.draft).length ? <Changes changes={sample.draft} /> : <span className="muted small">{t('rules.trace.noChanges')}</span>}
                  {sample.published && (
                    <>
                      <span className="muted small">{t('rules.impact.published')}</span>
                      {Object.keys(sample.published).length ? <Changes changes={sample.published} /> : <span className="muted small">{t('rules.trace.noChanges')}</span>}
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </details>
    </li>
  );
}
