/**
 * Create or edit an SLA policy: title, which tickets it covers (priority, intake type), its targets in business
 * time, when a target counts as at risk, and the actions run when a target is at risk or breached. The dialog edits
 * the common actions (raise the priority, move to a group, add tags); actions of other kinds set through the API are
 * kept as they are, and can be removed. A refused target or action is marked where it is.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { slaPoliciesApi, type SlaPolicy } from '../../api/admin';
import { ApiError } from '../../api/client';
import type { CategoryOption } from '../../categories';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useDirectory } from '../../directory';
import { useI18n } from '../../i18n';
import { concerns, FieldMessage } from '../FieldError';
import { issueIndexes } from '../model';

type Result = SlaPolicy['onBreach'][number];
type Priority = NonNullable<SlaPolicy['priority']>;
type ResultList = 'onAtRisk' | 'onBreach';

const PRIORITIES: Priority[] = ['urgent', 'high', 'normal', 'low'];
const EDITABLE = ['setPriority', 'forwardToGroup', 'addTags'] as const;
type EditableKind = (typeof EDITABLE)[number];

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
  const { groupsOf, loadGroups } = useDirectory();
  useEffect(() => loadGroups(serviceId), [loadGroups, serviceId]);
  const groups = groupsOf(serviceId) ?? [];
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
  const refusedResults: Record<ResultList, Set<number>> = {
    onAtRisk: issueIndexes(error instanceof ApiError ? error.details : null, 'onAtRisk'),
    onBreach: issueIndexes(error instanceof ApiError ? error.details : null, 'onBreach'),
  };
  // A duration the schema refuses gets words that say how to write one; "no target" keeps its own sentence.
  const durationRefusal = (refusal: ApiError | null) => (refusal && refusal !== noTarget ? t('admin.sla.dialog.durationRefused') : undefined);
  const inPlace = firstResponseError ?? resolutionError ?? titleError ?? atRiskError ?? intakeError ?? (refusedResults.onAtRisk.size + refusedResults.onBreach.size > 0);

  const setResult = (list: ResultList, index: number, result: Result) =>
    setResults((current) => ({ ...current, [list]: current[list].map((other, at) => (at === index ? result : other)) }));
  const removeResult = (list: ResultList, index: number) => setResults((current) => ({ ...current, [list]: current[list].filter((_, at) => at !== index) }));
  const addResult = (list: ResultList, kind: EditableKind) => setResults((current) => ({ ...current, [list]: [...current[list], defaultResult(kind, groups[0]?.id)] }));

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
    <fieldset className="fieldset sla-results">
      <legend className="field-label">{t(`admin.sla.dialog.${list}`)}</legend>
      {results[list].map((result, index) => {
        const label = t('admin.sla.dialog.resultType', { index: index + 1 });
        return (
          <div key={index} className="sla-result">
            <div className="sla-result-row">
              <span className="pill tone-slate">{t(`admin.sla.resultKind.${result.type}`)}</span>
              {result.type === 'setPriority' ? (
                <select aria-label={`${label}: ${t('admin.sla.dialog.setPriority')}`} value={result.priority} onChange={(event) => setResult(list, index, { ...result, priority: event.target.value as Priority })}>
                  {PRIORITIES.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {t(`ticket.priority.${candidate}`)}
                    </option>
                  ))}
                </select>
              ) : result.type === 'forwardToGroup' ? (
                <select aria-label={`${label}: ${t('admin.sla.dialog.forwardToGroup')}`} value={result.groupId} onChange={(event) => setResult(list, index, { ...result, groupId: event.target.value })}>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {group.name}
                    </option>
                  ))}
                </select>
              ) : result.type === 'addTags' ? (
                <input
                  aria-label={`${label}: ${t('admin.sla.dialog.addTags')}`}
                  value={result.tags.join(', ')}
                  placeholder={t('admin.sla.dialog.tagsHint')}
                  onChange={(event) => setResult(list, index, { ...result, tags: event.target.value.split(',').map((tag) => tag.trim()).filter(Boolean) })}
                />
              ) : (
                <span className="field-hint">{t('admin.sla.dialog.kept')}</span>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={t('admin.sla.dialog.removeResult', { index: index + 1 })}
                title={t('admin.sla.dialog.removeResult', { index: index + 1 })}
                onClick={() => removeResult(list, index)}
              >
                <Icon name="x" size={14} />
              </button>
            </div>
            {refusedResults[list].has(index) && (
              <span className="field-error" role="alert">
                {t('admin.sla.dialog.refused')}
              </span>
            )}
          </div>
        );
      })}
      <div className="sla-result-add">
        {EDITABLE.filter((kind) => kind !== 'forwardToGroup' || groups.length > 0).map((kind) => (
          <button key={kind} type="button" className="button small" onClick={() => addResult(list, kind)}>
            <Icon name="plus" size={13} /> {t(`admin.sla.resultKind.${kind}`)}
          </button>
        ))}
      </div>
    </fieldset>
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
        {resultEditor('onAtRisk')}
        {resultEditor('onBreach')}
        {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t('settings.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {busy && <Spinner size={14} />}
            {busy ? t('settings.saving') : t(policy ? 'admin.sla.dialog.save' : 'admin.sla.dialog.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function defaultResult(kind: EditableKind, groupId: string | undefined): Result {
  if (kind === 'setPriority') return { type: 'setPriority', priority: 'high' };
  if (kind === 'forwardToGroup') return { type: 'forwardToGroup', groupId: groupId ?? '' };
  return { type: 'addTags', tags: [] };
}
