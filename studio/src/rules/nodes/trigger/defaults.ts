/** A new trigger as the studio opens it: one must-match row and one result, ready to be edited and saved. */
import type { Trigger } from '../../../../../rules/model';
import type { RuleLookups } from '../../context';
import { defaultConditionData } from '../condition/defaults';
import { defaultResult } from '../result/defaults';
import type { TriggerNodeData } from './types';

/** Id and position of a trigger not saved yet; the API assigns both on creation. */
export const UNSAVED_TRIGGER_ID = 'new';

export const defaultTriggerData = (): TriggerNodeData => ({ title: '', events: ['created'], enabled: true });

/** `title` is the placeholder name in the admin's language (`rules.trigger.defaultTitle`). */
export function newTrigger(lookups: Pick<RuleLookups, 'groups' | 'intakeTypes'>, position: number, title: string): Trigger {
  return {
    id: UNSAVED_TRIGGER_ID,
    position,
    title,
    enabled: true,
    events: ['created'],
    conditions: { all: [defaultConditionData('all').row], any: [] },
    results: [defaultResult('assign', lookups)],
  };
}
