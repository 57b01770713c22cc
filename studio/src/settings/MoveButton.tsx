import { Icon } from '../components/icons';

/**
 * A reorder button that stays focusable at the end of the list (aria-disabled rather than disabled), so keyboard
 * focus is not lost when the moved item reaches the top or the bottom.
 */
export function MoveButton({ label, icon, disabled, onMove }: { label: string; icon: 'arrowUp' | 'arrowDown'; disabled: boolean; onMove: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} aria-disabled={disabled} onClick={disabled ? undefined : onMove}>
      <Icon name={icon} size={15} />
    </button>
  );
}
