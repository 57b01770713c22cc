/**
 * The bar above the canvas while a simulation is shown on the graph: which pass of the trigger cycle the marks are
 * from, previous and next pass, how the open trigger came out of it, and why some nodes may carry no mark.
 */
import './simulation-graph.css';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import type { PassTrace } from '../api/types';
import type { SimulationOverlay } from './simulation-overlay';

/** A simulation shown on the graph: its passes, the 0-based pass shown, and how to step or stop showing it. */
export interface ShownSimulation {
  passes: readonly PassTrace[];
  pass: number;
  onPass: (index: number) => void;
  onClose: () => void;
}

export function SimulationBar({
  overlay,
  drawingReads,
  onPass,
  onClose,
}: {
  /** Null when the drawing does not read as a trigger, so nothing can be placed on it. */
  overlay: SimulationOverlay | null;
  drawingReads: boolean;
  /** Shows the pass of this 0-based index. */
  onPass: (index: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const index = overlay ? overlay.pass - 1 : 0;
  return (
    <div className="simulation-bar" role="region" aria-label={t('rules.overlay.label')}>
      <strong>
        <Icon name="play" size={12} /> {t('rules.overlay.title')}
      </strong>
      {overlay && overlay.passCount > 0 && (
        <span className="simulation-steps">
          <button type="button" className="icon-button small" onClick={() => onPass(index - 1)} disabled={index === 0} aria-label={t('rules.overlay.previous')} title={t('rules.overlay.previous')}>
            <Icon name="chevronLeft" size={14} />
          </button>
          <span className="simulation-pass" aria-live="polite">
            {t('rules.overlay.pass', { pass: overlay.pass, count: overlay.passCount })}
          </span>
          <button
            type="button"
            className="icon-button small"
            onClick={() => onPass(index + 1)}
            disabled={index >= overlay.passCount - 1}
            aria-label={t('rules.overlay.next')}
            title={t('rules.overlay.next')}
          >
            <Icon name="chevronRight" size={14} />
          </button>
        </span>
      )}
      {overlay && (
        <span className={`badge ${overlay.verdict === 'fired' || overlay.verdict === 'alreadyFired' ? 'tone-green' : overlay.verdict === 'notFired' ? 'tone-rose' : 'tone-slate'}`}>
          {t(`rules.overlay.trigger.${overlay.verdict}`, { pass: overlay.firedInPass ?? 0 })}
        </span>
      )}
      <button type="button" className="icon-button small simulation-close" onClick={onClose} aria-label={t('rules.overlay.close')} title={t('rules.overlay.close')}>
        <Icon name="x" size={14} />
      </button>
      {!drawingReads && <p className="simulation-note field-hint warn">{t('rules.overlay.unreadable')}</p>}
      {overlay && overlay.passCount === 0 && <p className="simulation-note muted small">{t('rules.overlay.noPasses')}</p>}
      {overlay && overlay.verdict === 'absent' && overlay.passCount > 0 && <p className="simulation-note muted small">{t('rules.overlay.absent')}</p>}
      {overlay && overlay.unmatched > 0 && <p className="simulation-note field-hint warn">{t('rules.overlay.unmatched', { count: overlay.unmatched })}</p>}
    </div>
  );
}
