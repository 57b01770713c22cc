/**
 * The intake types a row names exactly although they have sub-types. Tickets carry the deepest type, so "is 결제"
 * never matches a ticket filed under 결제 › 카드결제: the studio warns and offers "is within". Kept free of the
 * studio's browser modules so it can be tested on its own.
 */
import type { ConditionOperator, ConditionRow } from '../../../../../rules/model';

/** An intake type with its full path (`결제 › 카드결제`), as the studio's category pickers list them. */
interface IntakeTypeOption {
  id: string;
  path: string;
}

/** Operators that match an intake type exactly (the type itself, not its sub-types). */
const EXACT_INTAKE_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['equals', 'in', 'changedTo']);

export function parentTypesNamedExactly<T extends IntakeTypeOption>(row: ConditionRow, intakeTypes: readonly T[] | null | undefined): T[] {
  if (row.field !== 'intakeType' || !intakeTypes || !EXACT_INTAKE_OPERATORS.has(row.operator)) return [];
  const named = new Set((Array.isArray(row.value) ? row.value : [row.value]).map(String));
  return intakeTypes.filter((option) => named.has(option.id) && intakeTypes.some((other) => other.path.startsWith(`${option.path} › `)));
}
