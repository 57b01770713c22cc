/**
 * Pickers for the ids a rule holds (groups, agents, intake and resolution types of the open service) and for
 * lists (tags, recipients, several values). When a directory route is unavailable they fall back to typing ids.
 */
import { useEffect, useState } from 'react';
import { useI18n, type Translate } from '../i18n';
import { useRuleLookups } from './context';
import type { CategoryOption } from '../categories';

interface PickerProps {
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  id?: string;
  label?: string;
}

const placeholderOption = (text: string) => (
  <option value="" disabled>
    {text}
  </option>
);

/** A select over loaded options, a disabled "loading" select meanwhile, or a text box when they are unavailable. */
function OptionsSelect({
  options,
  value,
  onChange,
  invalid,
  id,
  label,
  placeholder,
}: PickerProps & { options: { value: string; label: string; disabled?: boolean }[] | null | undefined; placeholder: string }) {
  const { t } = useI18n();
  if (options === undefined) {
    return (
      <select id={id} aria-label={label} disabled>
        <option>{t('common.loading')}</option>
      </select>
    );
  }
  if (options === null) {
    return <input id={id} aria-label={label} aria-invalid={invalid} value={value} onChange={(event) => onChange(event.target.value.trim())} placeholder={t('rules.picker.id')} />;
  }
  const known = value === '' || options.some((option) => option.value === value);
  return (
    <select id={id} aria-label={label} aria-invalid={invalid} value={value} onChange={(event) => onChange(event.target.value)}>
      {placeholderOption(placeholder)}
      {!known && <option value={value}>{t('rules.picker.unknown', { value })}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

export function GroupSelect(props: PickerProps) {
  const { t } = useI18n();
  const { groups } = useRuleLookups();
  const options = groups && groups.map((group) => ({ value: group.id, label: group.name }));
  return <OptionsSelect {...props} options={options} placeholder={t('rules.picker.group')} />;
}

/** Agents who can be assigned: active, not organisation admins, and members of `groupId` when one is given. */
export function useAssignableAgents(groupId?: string) {
  const { agents, groups } = useRuleLookups();
  if (!agents) return agents;
  const members = groupId ? groups?.find((group) => group.id === groupId)?.memberIds : undefined;
  return agents.filter(
    (agent) =>
      agent.active !== false &&
      agent.role !== 'org_admin' &&
      (!groupId || (members ? members.includes(agent.id) : (agent.groupIds ?? []).includes(groupId))),
  );
}

export function AgentSelect({ groupId, ...props }: PickerProps & { groupId?: string }) {
  const { t } = useI18n();
  const agents = useAssignableAgents(groupId);
  const options = agents && agents.map((agent) => ({ value: agent.id, label: agent.email ? `${agent.name} · ${agent.email}` : agent.name }));
  return <OptionsSelect {...props} options={options} placeholder={groupId ? t('rules.picker.groupAgent') : t('rules.picker.agent')} />;
}

const categoryLabel = (option: CategoryOption, t: Translate) => (option.enabled ? option.path : t('rules.picker.disabledCategory', { path: option.path }));

export function CategorySelect({ kind, requireEnabled = false, ...props }: PickerProps & { kind: 'intake' | 'resolution'; requireEnabled?: boolean }) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const categories = kind === 'intake' ? lookups.intakeTypes : lookups.resolutionTypes;
  const options = categories && categories.map((option) => ({ value: option.id, label: categoryLabel(option, t), disabled: requireEnabled && !option.enabled }));
  return <OptionsSelect {...props} options={options} placeholder={kind === 'intake' ? t('rules.picker.intakeType') : t('rules.picker.resolutionType')} />;
}

/** Several values out of a known list, as checkboxes. */
export function Checklist({
  options,
  values,
  onChange,
  invalid,
  label,
}: {
  options: { value: string; label: string }[] | null | undefined;
  values: string[];
  onChange: (values: string[]) => void;
  invalid?: boolean;
  label: string;
}) {
  const { t } = useI18n();
  if (options === undefined) return <p className="muted small">{t('common.loading')}</p>;
  if (options === null) return <ListInput values={values} onChange={onChange} invalid={invalid} label={label} placeholder="id-1, id-2" />;
  const order = options.map((option) => option.value);
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...values, value] : values.filter((candidate) => candidate !== value);
    onChange(next.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  return (
    <fieldset className={`checklist${invalid ? ' invalid' : ''}`} aria-label={label}>
      {options.map((option) => (
        <label key={option.value} className="checklist-item">
          <input type="checkbox" checked={values.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A comma- or line-separated list typed as text; the raw text is kept while typing so separators are not eaten. */
export function ListInput({
  values,
  onChange,
  invalid,
  label,
  placeholder,
  id,
}: {
  values: readonly (string | number)[];
  onChange: (values: string[]) => void;
  invalid?: boolean;
  label?: string;
  placeholder?: string;
  id?: string;
}) {
  const joined = values.join(', ');
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText((current) => (splitList(current).join(', ') === joined ? current : joined));
  }, [joined]);
  return (
    <input
      id={id}
      aria-label={label}
      aria-invalid={invalid}
      value={text}
      placeholder={placeholder}
      onChange={(event) => {
        setText(event.target.value);
        onChange(splitList(event.target.value));
      }}
    />
  );
}

export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
