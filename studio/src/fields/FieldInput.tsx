/** The input of one field value, by the field's control type: what a ticket form shows for a customer or agent field. */
import type { FieldDefinition } from '../api/desk';
import { useI18n } from '../i18n';
import { labelOf } from './model';

export type FieldInputValue = string | number | boolean;

/** `null` clears the value. */
export function FieldInput({
  id,
  field,
  value,
  disabled = false,
  onChange,
}: {
  id?: string;
  field: Pick<FieldDefinition, 'control' | 'options' | 'required'>;
  value: FieldInputValue | null | undefined;
  disabled?: boolean;
  onChange: (value: FieldInputValue | null) => void;
}) {
  const { lang } = useI18n();
  const shown = value ?? '';
  switch (field.control) {
    case 'checkbox':
      return <input id={id} type="checkbox" disabled={disabled} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case 'dropdown':
      return (
        <select id={id} disabled={disabled} value={String(shown)} required={field.required} onChange={(event) => onChange(event.target.value || null)}>
          <option value="">—</option>
          {field.options.map((option) => (
            <option key={option.code} value={option.code}>
              {labelOf(option.labels, lang)}
            </option>
          ))}
        </select>
      );
    case 'textarea':
      return <textarea id={id} rows={3} disabled={disabled} value={String(shown)} required={field.required} onChange={(event) => onChange(event.target.value || null)} />;
    default:
      return (
        <input
          id={id}
          type={field.control === 'date' ? 'date' : field.control === 'number' ? 'number' : 'text'}
          disabled={disabled}
          value={String(shown)}
          required={field.required}
          onChange={(event) => {
            const text = event.target.value;
            onChange(text === '' ? null : field.control === 'number' ? Number(text) : text);
          }}
        />
      );
  }
}
