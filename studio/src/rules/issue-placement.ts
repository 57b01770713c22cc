/**
 * Where issues go on the canvas: each on the node its path points at, with the rest of the path naming the field
 * inside the node. Pure: no browser, no words.
 */
import { issueTarget, type GraphIssue, type GraphPlacement } from '../../../rules/graph';
import type { Trigger } from '../../../rules/model';
import { parseTrigger } from '../../../rules/validate';

/** An issue on one node; `field` is the path inside the node's row or result (`['agentId']`), or empty. */
export interface NodeIssue {
  field: readonly (string | number)[];
  code: string;
}

export type IssuesByNode = Record<string, NodeIssue[]>;

/** Places API issues on the nodes of the graph that was sent. */
export function placeApiIssues(placement: GraphPlacement, issues: readonly { path: readonly (string | number)[]; code: string }[]): IssuesByNode {
  const byNode: IssuesByNode = {};
  for (const issue of issues) {
    const target = issueTarget(placement, issue.path);
    (byNode[target.nodeId] ??= []).push({ field: target.field, code: issue.code });
  }
  return byNode;
}

/**
 * The issues the API's own gate (`parseTrigger` of rules/, the same zod schemas and checks) finds in the trigger a
 * drawing reads as, placed on its nodes, so they show before saving with the codes the API would answer. Only the
 * checks against the service's records (groups, agents, categories) are left to the API.
 */
export function placeTriggerIssues(trigger: Trigger, placement: GraphPlacement): IssuesByNode {
  const parsed = parseTrigger(trigger);
  return parsed.ok ? {} : placeApiIssues(placement, parsed.issues);
}

/** Places graph issues on their nodes; issues about an edge land on the trigger node. */
export function placeGraphIssues(issues: readonly GraphIssue[], triggerNodeId: string): IssuesByNode {
  const byNode: IssuesByNode = {};
  for (const issue of issues) {
    const nodeId = issue.nodeId ?? triggerNodeId;
    (byNode[nodeId] ??= []).push({ field: [], code: issue.code });
  }
  return byNode;
}
