/**
 * Refusals shown where they belong: structural issues of the graph (rules/graph.ts) and the API's 422
 * `trigger.invalid` issues (`details.issues[{ path, code, message }]`), each placed on the node its path points
 * at, with the rest of the path naming the field inside the node.
 */
import { issueTarget, type GraphIssue, type GraphPlacement } from '../../../rules/graph';
import { ApiError } from '../api/client';

/** An issue on one node; `field` is the path inside the node's row or result (`['agentId']`), or empty. */
export interface NodeIssue {
  field: readonly (string | number)[];
  code: string;
  message: string;
}

export type IssuesByNode = Record<string, NodeIssue[]>;

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

/** Places API issues on the nodes of the graph that was sent. */
export function placeApiIssues(placement: GraphPlacement, issues: ApiIssue[]): IssuesByNode {
  const byNode: IssuesByNode = {};
  for (const issue of issues) {
    const target = issueTarget(placement, issue.path);
    (byNode[target.nodeId] ??= []).push({ field: target.field, code: issue.code, message: issue.message });
  }
  return byNode;
}

/** Places graph issues on their nodes; issues about an edge land on the trigger node. */
export function placeGraphIssues(issues: readonly GraphIssue[], triggerNodeId: string): IssuesByNode {
  const byNode: IssuesByNode = {};
  for (const issue of issues) {
    const nodeId = issue.nodeId ?? triggerNodeId;
    (byNode[nodeId] ??= []).push({ field: [], code: issue.code, message: issue.message });
  }
  return byNode;
}

/** Whether any issue of a node points at `path` or inside it (`'messages', 'ko'` covers `messages.ko.subject`). */
export function hasIssueAt(issues: readonly NodeIssue[], ...path: (string | number)[]): boolean {
  return issues.some((issue) => path.every((key, index) => issue.field[index] === key));
}

/** A short "where" for an issue inside its node: `value`, `messages › ko › subject`. */
export function issueWhere(issue: NodeIssue): string {
  return issue.field.join(' › ');
}
