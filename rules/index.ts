/**
 * Contactflow's trigger rule engine: the trigger model and its validation, the compiler to and from
 * json-rules-engine rules, and two interchangeable evaluators. Pure: no I/O, nothing evaluated as code.
 *
 * @module
 */
export * from './model';
export { conditionRows, groupKind, isGroup, mapConditionRows, type ConditionPath } from './condition-tree';
export { TicketFacts, TicketSnapshot, FieldValue } from './facts';
export { admitFacts, factsIssue, InvalidFactsError, type FactsIssue } from './facts-gate';
export {
  conditionTarget,
  parseField,
  FIXED_FIELDS,
  FIELD_CODE,
  VALUELESS_OPERATORS,
  LIST_OPERATORS,
  CHANGE_OPERATORS,
  type ConditionTarget,
  type TargetType,
  type FixedField,
  type ParsedField,
} from './targets';
export { SUBSTITUTION_CODES, substitutionCodesIn, isKnownSubstitutionCode } from './substitution';
export {
  parseTrigger,
  validateTrigger,
  validateResult,
  issuesFromZod,
  InvalidTriggerError,
  SEMANTIC_ISSUE_CODES,
  type TriggerIssue,
  type TriggerIssueCode,
  type ParseTriggerResult,
} from './validate';
export { compileTrigger, decompileRule } from './compile';
export { OPERATORS, registerOperators, type OperatorFn, type Change } from './operators';
export { TRIGGER_EVENT_TYPE } from './stored-form';
export { prepareEngine, createReferenceEvaluator } from './engine-reference';
export { createFastEvaluator, type FastEvaluator } from './engine-fast';
export { createEvaluator } from './evaluate';
export type {
  ConditionOutcome,
  TriggerEvaluation,
  FiredTrigger,
  EvaluatorKind,
  TriggerEvaluator,
} from './evaluation';
