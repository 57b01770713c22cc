/** Results: a new one of each type, and how each reads on the canvas (per type in `kinds.ts`). */
// The zod-only modules of rules/, not its index: the index also exports the json-rules-engine evaluator.
import { RESULT_KIND } from '../../../../../rules/model';
import type { RuleLookups } from '../../context';
import type { Translate } from '../../../i18n';
import type { NewResultLookups } from './kind';
import { RESULT_KINDS, resultKind } from './kinds';
import type { Result, ResultNodeData, ResultOf, ResultType } from './types';

/** Result types in the order the type picker offers them: state changes first, then side effects. */
export const RESULT_TYPES = Object.keys(RESULT_KINDS) as ResultType[];

export { RESULT_KIND };

/** A new result of a type, filled with the service's first group or intake type where one is needed. */
export function defaultResult<T extends ResultType>(type: T, lookups: NewResultLookups): ResultOf<T> {
  return resultKind(type).create(lookups);
}

export const defaultResultData = (type: ResultType, lookups: NewResultLookups): ResultNodeData => ({
  result: defaultResult(type, lookups),
});

/** One line saying what the result does, with names for ids. */
export function summarize(result: Result, lookups: RuleLookups, t: Translate): string {
  return resultKind(result.type).summary(result as ResultOf<typeof result.type>, lookups, t);
}
