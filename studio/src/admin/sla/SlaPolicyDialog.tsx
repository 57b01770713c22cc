/**
 * Create or edit an SLA policy: title, which tickets it covers (priority, intake type), its targets in business
 * time, when a target counts as at risk, and the actions run when a target is at risk or breached (every kind the
 * API accepts, see {@link SlaResultsEditor}). A refused target or action is marked where it is.
 */
import { useId, useState, type FormEvent } from 'react';
import { slaPoliciesApi, type SlaPolicy } from '../../api/admin';
import { ApiError } from '../../api/client';
import type { CategoryOption } from '../../categories';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { concerns, FieldMessage } from '../FieldError';
import { RuleLookupsProvider } from '../../rules/context';
import type { ResultList } from './defaults';
import { SlaResultsEditor } from './SlaResultsEditor';
import { SaveActions } from '../../settings/SaveActions';

type Result = SlaPolicy['onBreach'][number];
type Priority = NonNullable<SlaPolicy['priority']>;

const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];

export function SlaPolicyDialog({
  serviceId,
  policy,
  intakeTypes,
  onClose,
}: {
  serviceId: string;
  policy: SlaPolicy | null;
  intakeTypes: CategoryOption[];
  onClose: (saved: SlaPolicy | null) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [title, setTitle] = useState(policy?.title ?? '');
  const [enabled, setEnabled] = useState(policy?.enabled ?? true);
  const [priority, setPriority] = useState<Priority | ''>(policy?.priority ?? '');
  const [intakeTypeId, setIntakeTypeId] = useState(policy?.intakeTypeId ?? '');
  const [firstResponse, setFirstResponse] = useState(policy?.firstResponse ?? '');
  const [resolution, setResolution] = useState(policy?.resolution ?? '');
  const [atRiskPercent, setAtRiskPercent] = useState(String(Math.round((policy?.atRiskRatio ?? 0.8) * 100)));
  const [results, setResults] = useState<Record<ResultList, Result[]>>({ onAtRisk: policy?.onAtRisk ?? [], onBreach: policy?.onBreach ?? [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const noTarget = error instanceof ApiError && error.code === 'sla.no_target' ? error : null;
  const firstResponseError = concerns(error, 'firstResponse') ? error : noTarget;
  const resolutionError = concerns(error, 'resolution') ? error : noTarget;
  const titleError = concerns(error, 'title') ? error : null;
  const atRiskError = concerns(error, 'atRiskRatio') ? error : null;
  const intakeError = concerns(error, 'intakeTypeId') ? error : null;
  const refusesResults = concerns(error, 'onAtRisk') || concerns(error, 'onBreach');
  // A duration the schema refuses gets words that say how to write one; "no target" keeps its own sentence.
  const durationRefusal = (refusal: ApiError | null) => (refusal && refusal !== noTarget ? t('admin.sla.dialog.durationRefused') : undefined);
  const inPlace = firstResponseError ?? resolutionError ?? titleError ?? atRiskError ?? intakeError ?? refusesResults;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      title: title.trim(),
      enabled,
      priority: priority || null,
      intakeTypeId: intakeTypeId || null,
      firstResponse: firstResponse.trim() || null,
      resolution: resolution.trim() || null,
      atRiskRatio: Number(atRiskPercent) / 100,
      onAtRisk: results.onAtRisk,
      onBreach: results.onBreach,
    };
    try {
      const saved = policy ? await slaPoliciesApi.replace(policy.id, body) : await slaPoliciesApi.create(serviceId, body);
      toast(t(policy ? 'admin.sla.dialog.saved' : 'admin.sla.dialog.created', { name: saved.title }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const resultEditor = (list: ResultList) => (
    <SlaResultsEditor list={list} results={results[list]} error={error} onChange={(changed) => setResults((current) => ({ ...current, [list]: changed }))} />
  );

  return (
    <Dialog open title={policy ? t('admin.sla.dialog.edit', { name: policy.title }) : t('admin.sla.dialog.new')} subtitle={t('admin.sla.dialog.subtitle')} onClose={() => onClose(null)} width={680}>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-title`}>
            {t('admin.sla.dialog.title')}
          </label>
          <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={200} autoFocus aria-invalid={titleError !== null} aria-describedby={`${id}-title-message`} />
          <FieldMessage id={`${id}-title-message`} error={titleError} />
        </div>
        <div className="grid-2">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-priority`}>
              {t('admin.sla.dialog.priority')}
            </label>
            <select id={`${id}-priority`} value={priority} onChange={(event) => setPriority(event.target.value as Priority | '')}>
              <option value="">{t('admin.sla.anyPriority')}</option>
              {PRIORITIES.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`ticket.priority.${candidate}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-intake`}>
              {t('admin.sla.dialog.intakeType')}
            </label>
            <select id={`${id}-intake`} value={intakeTypeId} onChange={(event) => setIntakeTypeId(event.target.value)} aria-describedby={`${id}-intake-message`}>
              <option value="">{t('admin.sla.anyIntakeType')}</option>
              {intakeTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.path}
                </option>
              ))}
            </select>
            <FieldMessage id={`${id}-intake-message`} error={intakeError} hint={t('admin.sla.dialog.intakeTypeHint')} />
          </div>
        </div>
        <div className="grid-2">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-first`}>
              {t('admin.sla.dialog.firstResponse')}
            </label>
            <input
              id={`${id}-first`}
              value={firstResponse}
              onChange={(event) => {
                setFirstResponse(event.target.value);
                if (firstResponseError) setError(null);
              }}
              placeholder="4h"
              spellCheck={false}
              aria-invalid={firstResponseError !== null}
              aria-describedby={`${id}-first-message`}
            />
            <FieldMessage id={`${id}-first-message`} error={firstResponseError} hint={t('admin.sla.dialog.durationHint')} refused={durationRefusal(firstResponseError)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-resolution`}>
              {t('admin.sla.dialog.resolution')}
            </label>
            <input
              id={`${id}-resolution`}
              value={resolution}
              onChange={(event) => {
                setResolution(event.target.value);
                if (resolutionError) setError(null);
              }}
              placeholder="3d"
              spellCheck={false}
              aria-invalid={resolutionError !== null}
              aria-describedby={`${id}-resolution-message`}
            />
            <FieldMessage id={`${id}-resolution-message`} error={resolutionError} hint={t('admin.sla.dialog.durationHint')} refused={durationRefusal(resolutionError)} />
          </div>
        </div>
        <div className="grid-2">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-risk`}>
              {t('admin.sla.dialog.atRisk')}
            </label>
            <input
              id={`${id}-risk`}
              type="number"
              min={1}
              max={99}
              value={atRiskPercent}
              onChange={(event) => setAtRiskPercent(event.target.value)}
              required
              aria-invalid={atRiskError !== null}
              aria-describedby={`${id}-risk-message`}
            />
            <FieldMessage id={`${id}-risk-message`} error={atRiskError} hint={t('admin.sla.dialog.atRiskHint')} />
          </div>
          <label className="choice sla-enabled">
            <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
            <span>{t('admin.sla.dialog.enabled')}</span>
          </label>
        </div>
        <RuleLookupsProvider serviceId={serviceId}>
          {resultEditor('onAtRisk')}
          {resultEditor('onBreach')}
        </RuleLookupsProvider>
        {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(policy ? 'admin.sla.dialog.save' : 'admin.sla.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
