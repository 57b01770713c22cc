/**
 * An API refusal shown in place, under the input it concerns: the input's hint until then. A refusal concerns an
 * input when its code is one of the input's codes, when it names the input as its `field` (a reference that does not
 * hold), or when one of its validation issues' paths starts at the input.
 */
import { ApiError } from '../api/client';
import { errorMessage, useI18n } from '../i18n';

/** Whether `error` is about the input `name` (by `codes`, by its `field`, or by an issue path starting at `name`). */
export function concerns(error: unknown, name: string, codes: readonly string[] = []): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (codes.includes(error.code)) return true;
  const details = error.details;
  if (details && typeof details === 'object' && 'field' in details && details.field === name) return true;
  const issues = details && typeof details === 'object' && 'issues' in details && Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  return issues.some((issue) => {
    const path = (issue as { path?: unknown } | null)?.path;
    return Array.isArray(path) && path[0] === name;
  });
}

/** The refusal under an input (in `refused` words when given, else the error's own sentence), else the hint. */
export function FieldMessage({ id, error, hint, refused }: { id: string; error: ApiError | null; hint?: string; refused?: string }) {
  const { t } = useI18n();
  if (error)
    return (
      <span id={id} className="field-error" role="alert">
        {refused ?? errorMessage(t, error)}
      </span>
    );
  return hint ? (
    <span id={id} className="field-hint">
      {hint}
    </span>
  ) : null;
}
