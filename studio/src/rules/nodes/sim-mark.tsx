/**
 * What the simulation shown on the graph says about a node: a line at its foot in words (held or not and the value
 * seen, a group's verdict, whether the trigger fired, whether a result runs), and the class that tints or dims it.
 */
import { useNodeMark, useRuleLookups } from '../context';
import { useI18n } from '../../i18n';
import type { NodeMark } from '../simulation-overlay';
import { seenText } from './condition/defaults';

type Tone = 'held' | 'failed' | 'dimmed' | 'runs' | 'quiet';

function toneOf(mark: NodeMark): Tone {
  switch (mark.kind) {
    case 'condition':
    case 'group':
      return mark.held ? 'held' : 'failed';
    case 'trigger':
      return mark.verdict === 'fired' || mark.verdict === 'alreadyFired' ? 'held' : mark.verdict === 'notFired' ? 'failed' : 'quiet';
    case 'result':
      return mark.runs === 'no' ? 'dimmed' : 'runs';
  }
}

/** The mark of a node and the class its frame takes (empty when no simulation is shown). */
export function useSimulationMark(nodeId: string): { mark: NodeMark | undefined; className: string } {
  const mark = useNodeMark(nodeId);
  return { mark, className: mark ? ` sim-${toneOf(mark)}` : '' };
}

function MarkWords({ mark }: { mark: NodeMark }) {
  const i18n = useI18n();
  const { t } = i18n;
  const lookups = useRuleLookups();
  switch (mark.kind) {
    case 'condition':
      return (
        <>
          <span className="flow-sim-verdict">{mark.held ? t('rules.overlay.held') : t('rules.overlay.notHeld')}</span>
          <span className="flow-sim-seen">{t('rules.overlay.saw', { value: seenText(mark.field, mark.seen, lookups, i18n) })}</span>
        </>
      );
    case 'group':
      return <span className="flow-sim-verdict">{mark.held ? t('rules.overlay.groupHeld') : t('rules.overlay.groupNotHeld')}</span>;
    case 'trigger':
      return <span className="flow-sim-verdict">{t(`rules.overlay.trigger.${mark.verdict}`, { pass: mark.firedInPass ?? 0 })}</span>;
    case 'result':
      return <span className="flow-sim-verdict">{t(`rules.overlay.result.${mark.runs}`, { pass: mark.firedInPass ?? 0 })}</span>;
  }
}

const SIGNS: Record<Tone, string> = { held: '✓', failed: '✗', dimmed: '–', runs: '▶', quiet: '·' };

export function SimulationMark({ mark }: { mark: NodeMark | undefined }) {
  if (!mark) return null;
  const tone = toneOf(mark);
  return (
    <p className={`flow-sim ${tone}`} data-sim={tone}>
      <span className="flow-sim-sign" aria-hidden="true">
        {SIGNS[tone]}
      </span>
      <MarkWords mark={mark} />
    </p>
  );
}
