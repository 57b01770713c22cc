/**
 * What the studio knows of one result type: how a new one starts, the form that edits it and the line that
 * sums it up on the canvas and in the trace. Each type keeps these in its own folder; `kinds.ts` lists them.
 */
import type { ComponentType } from 'react';
import type { RuleLookups } from '../../context';
import type { Translate } from '../../../i18n';
import type { ResultOf, ResultType } from './types';

/** The lookups a new result is filled from (the service's first group or intake type). */
export type NewResultLookups = Pick<RuleLookups, 'groups' | 'intakeTypes'>;

export interface ResultFormProps<T extends ResultType> {
  result: ResultOf<T>;
  /** Changes fields of the result; its type stays (changing type starts a new result). */
  patch: (values: Partial<Omit<ResultOf<T>, 'type'>>) => void;
  /** Whether an issue points at this path inside the result. */
  invalid: (...path: string[]) => boolean;
}

export interface ResultKind<T extends ResultType> {
  create: (lookups: NewResultLookups) => ResultOf<T>;
  Panel: ComponentType<ResultFormProps<T>>;
  summary: (result: ResultOf<T>, lookups: RuleLookups, t: Translate) => string;
}
