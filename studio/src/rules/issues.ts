/**
 * Refusals shown where they belong: structural issues of the graph (rules/graph.ts), the issues the API's own gate
 * finds in the browser, and the API's 422 `trigger.invalid` issues (`details.issues[{ path, code, message }]`), each
 * placed on the node its path points at (issue-placement.ts). They are shown by their code, as a sentence in the
 * admin's language; the server's English message is never shown.
 */
import { ApiError } from '../api/client';
import { codeMessage, isMessageKey, type Translate } from '../i18n';
import type { NodeIssue } from './issue-placement';

export { placeApiIssues, placeGraphIssues, placeTriggerIssues, type IssuesByNode, type NodeIssue } from './issue-placement';

interface ApiIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** The issues of a 422 refusal, or an empty list for any other error. */
export function apiIssues(error: unknown): ApiIssue[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const details = error.details as { issues?: unknown } | undefined;
  if (!details || !Array.isArray(details.issues)) return [];
  return details.issues.flatMap((raw: unknown) => {
    const issue = raw as Partial<ApiIssue> | null;
    if (!issue || typeof issue.message !== 'string') return [];
    const path = Array.isArray(issue.path) ? issue.path.filter((key) => typeof key === 'string' || typeof key === 'number') : [];
    return [{ path, code: typeof issue.code === 'string' ? issue.code : 'invalid', message: issue.message }];
  });
}

/** Whether any issue of a node points at `path` or inside it (`'messages', 'ko'` covers `messages.ko.subject`). */
export function hasIssueAt(issues: readonly NodeIssue[], ...path: (string | number)[]): boolean {
  return issues.some((issue) => path.every((key, index) => issue.field[index] === key));
}

/** The sentence for a missing or malformed value, by the innermost named field it points at (`to` for `['to', 1]`). */
function fieldSentence(t: Translate, issue: NodeIssue): string | undefined {
  const name = issue.field.findLast((key): key is string => typeof key === 'string');
  const key = name && `rules.issue.field.${name}`;
  return key && isMessageKey(key) ? t(key) : undefined;
}

/**
 * An issue as one sentence: a shape issue (`shape.too_small`) by the field it points at, a semantic one by its
 * code (the shared `errors` catalogue first, then the rule studio's own), else a generic sentence.
 */
export function issueSentence(t: Translate, issue: NodeIssue): string {
  const ownKey = `rules.issue.code.${issue.code}`;
  const byCode = () => codeMessage(t, issue.code) ?? (isMessageKey(ownKey) ? t(ownKey) : undefined);
  const sentence = issue.code.startsWith('shape.') ? (fieldSentence(t, issue) ?? byCode()) : (byCode() ?? fieldSentence(t, issue));
  const [first, language] = issue.field;
  // A notification's messages are per language; the language code says which one the issue is about.
  const suffix = first === 'messages' && typeof language === 'string' ? ` (${language})` : '';
  return `${sentence ?? t('errors.issue')}${suffix}`;
}
