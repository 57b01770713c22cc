/**
 * The advanced search's conditions (티켓 검색): every condition the API accepts, fed by the directory, with the
 * API's refusal of a condition shown under its input.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { SORT_DIRECTIONS, TICKET_SORTS } from '../../../domain/search';
import { TICKET_CHANNELS, TICKET_STATUSES } from '../../../domain/ticket';
import { Icon } from '../components/icons';
import { issueMessage, useI18n } from '../i18n';
import { PRIORITIES } from '../vocabulary';
import { MultiPick } from './MultiPick';
import type { TextCondition, TicketQuery } from './query';
import { useReadableServices, type SearchOptions } from './useSearchOptions';

const labelOf = (labels: Record<string, string>, lang: string) => labels[lang] ?? labels.en ?? Object.values(labels)[0] ?? '';
const splitTags = (text: string) => text.split(',').map((tag) => tag.trim()).filter(Boolean);

export function FieldError({ code }: { code: string | undefined }) {
  const { t } = useI18n();
  if (!code) return null;
  return (
    <span className="field-error" role="alert">
      <Icon name="alert" size={12} /> {issueMessage(t, code)}
    </span>
  );
}

export function ConditionForm({
  draft,
  onChange,
  options,
  refused,
  onSubmit,
  onReset,
  actions,
}: {
  draft: TicketQuery;
  onChange: (next: TicketQuery) => void;
  options: SearchOptions;
  /** The refused inputs, by condition name, with the code of the reason. */
  refused: Record<string, string>;
  onSubmit: () => void;
  onReset: () => void;
  /** The defaults' buttons. */
  actions: ReactNode;
}) {
  const { t, lang } = useI18n();
  const services = useReadableServices();
  const set = <K extends keyof TicketQuery>(key: K, value: TicketQuery[K]) => onChange({ ...draft, [key]: value });

  const text = (key: TextCondition, type: 'text' | 'email' | 'tel' = 'text') => (
    <label className="field compact">
      <span className="field-label">{t(`search.condition.${key}`)}</span>
      <input type={type} name={key} value={draft[key] ?? ''} aria-invalid={Boolean(refused[key])} onChange={(event) => set(key, event.target.value || undefined)} />
      <FieldError code={refused[key]} />
    </label>
  );

  return (
    <form
      className="condition-form"
      aria-label={t('search.form.label')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <section className="condition-group">
        <h3>{t('search.form.scope')}</h3>
        <label className="field compact">
          <span className="field-label">{t('search.condition.serviceId')}</span>
          <select name="serviceId" value={draft.serviceId ?? ''} onChange={(event) => set('serviceId', event.target.value || undefined)}>
            <option value="">{t('search.form.allServices')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
          <FieldError code={refused.serviceId} />
        </label>
        <div className="field-pair">
          {(['createdFrom', 'createdTo'] as const).map((key) => (
            <label key={key} className="field compact">
              <span className="field-label">{t(`search.condition.${key}`)}</span>
              <input type="date" name={key} value={draft[key] ?? ''} aria-invalid={Boolean(refused[key])} onChange={(event) => set(key, event.target.value || undefined)} />
              <FieldError code={refused[key]} />
            </label>
          ))}
        </div>
        {text('ticketId')}
      </section>

      <section className="condition-group">
        <h3>{t('search.form.text')}</h3>
        {text('text')}
        {text('subject')}
        {text('content')}
      </section>

      <section className="condition-group">
        <h3>{t('search.form.ticket')}</h3>
        <MultiPick variant="chips" legend={t('search.condition.priority')} empty="" selected={draft.priority} onChange={(value) => set('priority', value)}
          options={PRIORITIES.map((value) => ({ value, label: t(`ticket.priority.${value}`) }))}>
          <FieldError code={refused.priority} />
        </MultiPick>
        <MultiPick variant="chips" legend={t('search.condition.status')} empty="" selected={draft.status} onChange={(value) => set('status', value)}
          options={TICKET_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}>
          <FieldError code={refused.status} />
        </MultiPick>
        <MultiPick variant="chips" legend={t('search.condition.channel')} empty="" selected={draft.channel} onChange={(value) => set('channel', value)}
          options={TICKET_CHANNELS.map((value) => ({ value, label: t(`ticket.channel.${value}`) }))}>
          <FieldError code={refused.channel} />
        </MultiPick>
        <MultiPick variant="list" legend={t('search.condition.intakeTypeId')} hint={t('search.form.subtreeHint')} empty={t('search.form.noneDefined')}
          options={options.intakeTypes} selected={draft.intakeTypeId} onChange={(value) => set('intakeTypeId', value)}>
          <FieldError code={refused.intakeTypeId} />
        </MultiPick>
        <MultiPick variant="list" legend={t('search.condition.resolutionTypeId')} empty={t('search.form.noneDefined')}
          options={options.resolutionTypes} selected={draft.resolutionTypeId} onChange={(value) => set('resolutionTypeId', value)}>
          <FieldError code={refused.resolutionTypeId} />
        </MultiPick>
        <MultiPick variant="list" legend={t('search.condition.groupId')} empty={t('search.form.noneDefined')}
          options={options.groups} selected={draft.groupId} onChange={(value) => set('groupId', value)}>
          <FieldError code={refused.groupId} />
        </MultiPick>
        <MultiPick variant="list" legend={t('search.condition.assigneeId')} empty={t('search.form.noneDefined')}
          options={options.agents} selected={draft.assigneeId} onChange={(value) => set('assigneeId', value)}>
          <FieldError code={refused.assigneeId} />
        </MultiPick>
        <TagsInput tags={draft.tags} onChange={(tags) => set('tags', tags)} refused={refused.tags} />
        <label className="field compact">
          <span className="field-label">{t('search.condition.important')}</span>
          <select name="important" value={draft.important === undefined ? '' : String(draft.important)}
            onChange={(event) => set('important', event.target.value === '' ? undefined : event.target.value === 'true')}>
            <option value="">{t('search.form.any')}</option>
            <option value="true">{t('search.form.starred')}</option>
            <option value="false">{t('search.form.notStarred')}</option>
          </select>
        </label>
      </section>

      <section className="condition-group">
        <h3>{t('search.form.customer')}</h3>
        {text('customerId')}
        {text('customerName')}
        {text('customerUserId')}
        {text('customerEmail', 'email')}
        {text('customerPhone', 'tel')}
      </section>

      {options.fields.length > 0 && (
        <section className="condition-group">
          <h3>{t('search.form.fields')}</h3>
          {options.fields.map((field) => {
            const key = `fields.${field.code}`;
            const value = draft.fields[field.code] ?? '';
            const setValue = (next: string) => {
              const { [field.code]: _old, ...rest } = draft.fields;
              set('fields', next ? { ...rest, [field.code]: next } : rest);
            };
            return (
              <label key={field.code} className="field compact">
                <span className="field-label">
                  {labelOf(field.labels, lang)} <span className="field-sub">{t(`search.form.scope_${field.scope}`)}</span>
                </span>
                {field.control === 'dropdown' || field.control === 'checkbox' ? (
                  <select name={key} value={value} aria-invalid={Boolean(refused[key])} onChange={(event) => setValue(event.target.value)}>
                    <option value="">{t('search.form.any')}</option>
                    {field.control === 'checkbox' ? (
                      <>
                        <option value="true">{t('search.form.checked')}</option>
                        <option value="false">{t('search.form.unchecked')}</option>
                      </>
                    ) : (
                      field.options.map((option) => (
                        <option key={option.code} value={option.code}>
                          {labelOf(option.labels, lang)}
                        </option>
                      ))
                    )}
                  </select>
                ) : (
                  <input type={field.control === 'date' ? 'date' : 'text'} name={key} value={value} aria-invalid={Boolean(refused[key])} onChange={(event) => setValue(event.target.value)} />
                )}
                <FieldError code={refused[key]} />
              </label>
            );
          })}
        </section>
      )}

      <section className="condition-group">
        <h3>{t('search.form.order')}</h3>
        <div className="field-pair">
          <label className="field compact">
            <span className="field-label">{t('search.form.sort')}</span>
            <select name="sort" value={draft.sort} onChange={(event) => set('sort', event.target.value as TicketQuery['sort'])}>
              {TICKET_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`search.sort.${sort}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field compact">
            <span className="field-label">{t('search.form.direction')}</span>
            <select name="direction" value={draft.direction} onChange={(event) => set('direction', event.target.value as TicketQuery['direction'])}>
              {SORT_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`search.direction.${draft.sort}.${direction}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </section>

      <div className="condition-actions">
        <button type="submit" className="button primary">
          <Icon name="search" size={14} /> {t('search.form.submit')}
        </button>
        <button type="button" className="button" onClick={onReset}>
          {t('search.form.reset')}
        </button>
        <div className="defaults-actions">{actions}</div>
      </div>
    </form>
  );
}

/** Tags typed comma-separated; the text is kept as typed while it means the same tags. */
function TagsInput({ tags, onChange, refused }: { tags: string[] | undefined; onChange: (tags: string[] | undefined) => void; refused?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => (tags ?? []).join(', '));
  useEffect(() => {
    setText((current) => (splitTags(current).join(',') === (tags ?? []).join(',') ? current : (tags ?? []).join(', ')));
  }, [tags]);
  return (
    <label className="field compact">
      <span className="field-label">{t('search.condition.tags')}</span>
      <input
        name="tags"
        value={text}
        placeholder={t('search.form.tagsPlaceholder')}
        aria-invalid={Boolean(refused)}
        onChange={(event) => {
          setText(event.target.value);
          const next = splitTags(event.target.value);
          onChange(next.length > 0 ? next : undefined);
        }}
      />
      <FieldError code={refused} />
    </label>
  );
}
