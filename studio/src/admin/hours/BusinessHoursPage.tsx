/**
 * Business hours (영업시간, admins): whether a service works around the clock or in weekly windows of a time zone,
 * minus holidays. SLA clocks run only inside them. A refused window, zone or holiday is marked where it is.
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { businessHoursApi, type BusinessHoursSetting } from '../../api/admin';
import { ApiError } from '../../api/client';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { ServiceSettings } from '../../settings/ServiceSettings';
import { concerns, FieldMessage } from '../FieldError';
import { issueIndexes, nextWindow, OFFICE_WEEK, windowsByDay, type WeeklyWindow } from '../model';

export default function BusinessHoursPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings page="hours" loading="admin.hours.loading" serviceId={serviceId} title="admin.hours.title" subtitle="admin.hours.subtitle">
      {(id) => <ServiceHours key={id} serviceId={id} />}
    </ServiceSettings>
  );
}

interface Draft {
  scheduled: boolean;
  timezone: string;
  weekly: WeeklyWindow[];
  holidays: string[];
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function draftOf(setting: BusinessHoursSetting): Draft {
  const hours = setting.businessHours;
  return hours
    ? { scheduled: true, timezone: hours.timezone, weekly: hours.weekly, holidays: hours.holidays }
    : { scheduled: false, timezone: browserZone(), weekly: OFFICE_WEEK, holidays: [] };
}

function ServiceHours({ serviceId }: { serviceId: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [holiday, setHoliday] = useState('');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  useEffect(() => {
    businessHoursApi
      .get(serviceId)
      .then((setting) => setDraft(draftOf(setting)))
      .catch(setLoadError);
  }, [serviceId]);

  if (!draft) return loadError ? <ErrorBanner error={loadError} /> : <LoadingBlock label={t('admin.hours.loading')} />;

  const change = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
  const setWindow = (index: number, next: Partial<WeeklyWindow>) =>
    change({ weekly: draft.weekly.map((window, at) => (at === index ? { ...window, ...next } : window)) });
  const windowIssues = issueIndexes(error instanceof ApiError ? error.details : null, 'weekly');
  const zoneError = concerns(error, 'timezone') ? error : null;
  const holidayError = concerns(error, 'holidays') ? error : null;
  const inPlace = windowIssues.size > 0 || zoneError || holidayError;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    try {
      if (draft.scheduled) {
        const saved = await businessHoursApi.replace(serviceId, { timezone: draft.timezone.trim(), weekly: draft.weekly, holidays: draft.holidays });
        setDraft(draftOf(saved));
      } else {
        await businessHoursApi.remove(serviceId);
      }
      toast(t(draft.scheduled ? 'admin.hours.saved' : 'admin.hours.savedAlways'));
    } catch (caught) {
      setError(caught);
    }
    setBusy(false);
  }

  function addHoliday() {
    if (!draft || !holiday || draft.holidays.includes(holiday)) return;
    change({ holidays: [...draft.holidays, holiday].sort() });
    setHoliday('');
  }

  return (
    <form className="stack hours-form" onSubmit={save}>
      <div className="segmented" role="group" aria-label={t('admin.hours.mode')}>
        <button type="button" aria-pressed={!draft.scheduled} onClick={() => change({ scheduled: false })}>
          {t('admin.hours.always')}
        </button>
        <button type="button" aria-pressed={draft.scheduled} onClick={() => change({ scheduled: true })}>
          {t('admin.hours.scheduled')}
        </button>
      </div>
      {!draft.scheduled ? (
        <EmptyState icon="clock" title={t('admin.hours.alwaysTitle')}>
          <p>{t('admin.hours.alwaysBody')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="field hours-zone">
            <label className="field-label" htmlFor={`${id}-zone`}>
              {t('admin.hours.timezone')}
            </label>
            <input
              id={`${id}-zone`}
              list={`${id}-zones`}
              value={draft.timezone}
              onChange={(event) => change({ timezone: event.target.value })}
              required
              spellCheck={false}
              aria-invalid={zoneError !== null}
              aria-describedby={`${id}-zone-message`}
            />
            <datalist id={`${id}-zones`}>
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <FieldMessage id={`${id}-zone-message`} error={zoneError} hint={t('admin.hours.timezoneHint')} />
          </div>
          <section className="settings-list hours-week" aria-label={t('admin.hours.week')}>
            {windowsByDay(draft.weekly).map(({ day, entries }) => (
              <div key={day} className="settings-row hours-day">
                <strong className="hours-day-name">{t(`admin.hours.day.${day}`)}</strong>
                <div className="hours-windows">
                  {entries.length === 0 && <span className="muted">{t('admin.hours.closed')}</span>}
                  {entries.map(({ index, window }) => {
                    const refused = windowIssues.has(index);
                    const label = t(`admin.hours.day.${day}`);
                    return (
                      <div key={index} className="hours-window">
                        <div className="hours-window-times">
                          <input
                            aria-label={t('admin.hours.start', { day: label })}
                            value={window.start}
                            onChange={(event) => setWindow(index, { start: event.target.value })}
                            pattern="\d\d:\d\d"
                            placeholder="09:00"
                            inputMode="numeric"
                            required
                            aria-invalid={refused}
                          />
                          <span aria-hidden="true">–</span>
                          <input
                            aria-label={t('admin.hours.end', { day: label })}
                            value={window.end}
                            onChange={(event) => setWindow(index, { end: event.target.value })}
                            pattern="\d\d:\d\d"
                            placeholder="18:00"
                            inputMode="numeric"
                            required
                            aria-invalid={refused}
                          />
                          <button
                            type="button"
                            className="icon-button"
                            aria-label={t('admin.hours.removeWindow', { day: label, start: window.start })}
                            title={t('admin.hours.removeWindow', { day: label, start: window.start })}
                            onClick={() => change({ weekly: draft.weekly.filter((_, at) => at !== index) })}
                          >
                            <Icon name="x" size={14} />
                          </button>
                        </div>
                        {refused && (
                          <span className="field-error" role="alert">
                            {t('admin.hours.windowRefused')}
                          </span>
                        )}
                      </div>
                    );
                  })}
                </div>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('admin.hours.addWindow', { day: t(`admin.hours.day.${day}`) })}
                  title={t('admin.hours.addWindow', { day: t(`admin.hours.day.${day}`) })}
                  onClick={() => change({ weekly: [...draft.weekly, nextWindow(draft.weekly, day)] })}
                >
                  <Icon name="plus" size={15} />
                </button>
              </div>
            ))}
          </section>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-holiday`}>
              {t('admin.hours.holidays')}
            </label>
            <div className="hours-holiday-add">
              <input id={`${id}-holiday`} type="date" value={holiday} onChange={(event) => setHoliday(event.target.value)} aria-describedby={`${id}-holiday-message`} />
              <button type="button" className="button" onClick={addHoliday} disabled={!holiday}>
                <Icon name="plus" size={13} /> {t('admin.hours.addHoliday')}
              </button>
            </div>
            {draft.holidays.length > 0 && (
              <ul className="hours-holidays" aria-label={t('admin.hours.holidays')}>
                {draft.holidays.map((date) => (
                  <li key={date} className="tag">
                    {date}
                    <button
                      type="button"
                      className="icon-button small"
                      aria-label={t('admin.hours.removeHoliday', { date })}
                      onClick={() => change({ holidays: draft.holidays.filter((other) => other !== date) })}
                    >
                      <Icon name="x" size={12} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <FieldMessage id={`${id}-holiday-message`} error={holidayError} hint={t('admin.hours.holidaysHint')} />
          </div>
        </>
      )}
      {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="settings-save">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <Spinner size={14} /> : <Icon name="save" size={14} />}
          {busy ? t('settings.saving') : t('admin.hours.save')}
        </button>
      </div>
    </form>
  );
}
