/**
 * A condition that takes several values: toggle chips for short vocabularies (priorities, statuses, channels), a
 * scrolling checklist for directory lists (groups, agents, categories, indented by depth).
 */
import type { ReactNode } from 'react';

export interface PickOption {
  value: string;
  label: string;
  /** Nesting level in a category tree, from 0. */
  depth?: number;
}

export function MultiPick({
  legend,
  options,
  selected,
  onChange,
  variant,
  empty,
  hint,
  children,
}: {
  legend: string;
  options: PickOption[];
  selected: string[] | undefined;
  onChange: (values: string[] | undefined) => void;
  variant: 'chips' | 'list';
  /** Shown instead of the options when there are none. */
  empty: string;
  hint?: string;
  /** The refusal of this condition, if any. */
  children?: ReactNode;
}) {
  const chosen = new Set(selected ?? []);
  const toggle = (value: string) => {
    const next = new Set(chosen);
    if (!next.delete(value)) next.add(value);
    // Values keep the order of the options, so the hash and the request read the same every time.
    const ordered = options.map((option) => option.value).filter((option) => next.has(option));
    onChange(ordered.length > 0 ? ordered : undefined);
  };
  return (
    <fieldset className={`multi-pick ${variant}`}>
      <legend className="field-label">{legend}</legend>
      {options.length === 0 ? (
        <span className="field-hint">{empty}</span>
      ) : (
        <div className="multi-pick-options">
          {options.map((option) => (
            <label key={option.value} className="pick" style={option.depth ? { paddingLeft: 8 + option.depth * 14 } : undefined}>
              <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
      {hint && options.length > 0 && <span className="field-hint">{hint}</span>}
      {children}
    </fieldset>
  );
}
