/** A new group: must-match by default, of the kind the admin picked. */
import type { ConditionGroup } from '../../../../../rules/graph';
import type { GroupKind, GroupNodeData } from './types';

export const GROUP_KINDS: readonly GroupKind[] = ['all', 'any', 'not'];

export const defaultGroupData = (group: ConditionGroup, kind: GroupKind): GroupNodeData => ({ group, kind });
