/**
 * The API's error codes as sentences (`errors.<code>`, the code's dots as nesting), the issue codes of refused
 * definitions, and one generic sentence per HTTP status for codes without a sentence of their own.
 */
export default {
  network: 'The server could not be reached. Check your connection and try again.',
  internal: 'Something went wrong on our side. Try again; if it keeps happening, tell an administrator.',
  unknown: 'Something went wrong. Try again.',
  http: {
    badRequest: 'The request was not understood. Reload the page and try again.',
    unauthorized: 'Your session has ended. Sign in again.',
    forbidden: 'You do not have permission to do this.',
    notFound: 'This no longer exists; it may have been deleted.',
    conflict: 'This changed in the meantime. Reload and try again.',
    tooLarge: 'This is too large to send.',
    unprocessable: 'Some of the values are not acceptable. Check the form and try again.',
    tooMany: 'Too many attempts. Wait a moment and try again.',
    server: 'Something went wrong on our side. Try again.',
    unavailable: 'The service is briefly unavailable. Try again in a moment.',
  },
  form: {
    contact_required: 'Give the customer an email or a phone number.',
  },
  auth: {
    invalid_credentials: 'The email or password is not right.',
    too_many_attempts: 'Too many sign-in attempts. Wait a minute and try again.',
    required: 'Sign in to continue.',
    invalid_token: 'Your session has ended. Sign in again.',
    forbidden: 'You do not have permission to do this.',
  },
  request: {
    invalid: 'Some of the values are not acceptable. Check the form and try again.',
    malformed: 'The request was not understood. Reload the page and try again.',
    too_large: 'This is too large to send.',
    invalid_cursor: 'The list moved on. Reload it to continue.',
    invalid_reference: 'Something this refers to no longer exists. Reload and choose again.',
  },
  route: {
    not_found: 'This address does not exist.',
  },
  database: {
    unavailable: 'The database is briefly unavailable. Try again in a moment.',
  },
  temporal: {
    unavailable: 'The workflow engine is briefly unavailable. Try again in a moment.',
  },
  idempotency: {
    key_reused: 'This request was already sent with different contents. Reload and try again.',
  },
  callback: {
    not_found: 'This callback request does not exist.',
    forbidden: 'You can only see and work callback requests assigned to you.',
    assign_forbidden: 'Assigning callback requests needs an admin or the callback-assign permission.',
    not_assignee: 'Only the assignee can connect, complete or register history for this request.',
    not_assignable: 'This request is already assigned; cancel the assignment first.',
    not_assigned: 'Assign the request first.',
    finished: 'This callback request is already completed.',
    history_registered: 'This request already has a ticket.',
    no_eligible_agent: 'None of the selected agents works in this request’s service (or is logged in to the phone).',
    invalid: 'Some of the values are not acceptable.',
    invalid_payload: 'The callback payload is not valid.',
  },
  // Transfers (Dooray!, issue services)
  dooray: {
    paused: 'Dooray! transfers are paused for this organisation. An administrator can resume them.',
    not_configured: 'Dooray! is not set up on this server (no encryption key). Tell an administrator.',
    member_not_found: 'That agent has no Dooray! account in this organisation.',
    no_task: 'There is no open Dooray! task to comment on.',
    rejected: 'Dooray! refused the request. Check the settings and the content.',
    unavailable: 'Dooray! is not answering right now. Try again in a moment.',
    name_taken: 'A Dooray! organisation with this name is already registered.',
    project_taken: 'This Dooray! project is already registered.',
    hook_forbidden: 'The webhook secret does not match.',
  },
  dooray_organization: { not_found: 'This Dooray! organisation does not exist.' },
  dooray_project: { not_found: 'This Dooray! project does not exist.' },
  transfer: {
    not_issue_service: 'Tickets can only be transferred to an issue service.',
    not_issue_ticket: 'Only a ticket transferred to an issue service can ask for customer guidance.',
  },
  guidance_request: { not_found: 'This guidance request does not exist.', done: 'This guidance request is already done.' },
  ticket: {
    not_found: 'This ticket does not exist or you cannot see it.',
    forbidden: 'You cannot act on this ticket.',
    forward_forbidden: 'You are not allowed to forward tickets.',
    not_assignee: 'Only the ticket’s assignee can do this.',
    not_in_service: 'You are not in this ticket’s service.',
    not_group_member: 'That agent is not in the chosen group.',
    admin_only: 'Only an administrator can do this.',
    not_assignable: 'This ticket cannot be assigned in its current status.',
    not_assigned: 'This ticket has no assignee yet.',
    invalid_transition: 'This ticket cannot move to that status from where it is.',
    closed: 'This ticket is closed; nothing more can be changed.',
    group_required: 'Choose a group first.',
    transfer_pending: 'The Dooray! task is still being created. Wait for it before transferring again.',
  },
  agent: {
    not_found: 'This agent does not exist.',
    email_taken: 'Another agent already uses this email.',
    group_required: 'Choose at least one group for the agent.',
    self_change: 'You cannot change your own role or deactivate yourself.',
  },
  api_token: {
    not_found: 'This API token does not exist.',
  },
  category: {
    not_found: 'This category does not exist.',
    name_taken: 'A category with this name already exists here.',
    too_deep: 'Categories cannot be nested this deep.',
  },
  customer: {
    not_found: 'This customer does not exist.',
    forbidden: 'You cannot see this customer.',
  },
  group: {
    not_found: 'This group does not exist.',
    name_taken: 'A group with this name already exists.',
  },
  service: {
    not_found: 'This service does not exist.',
    name_taken: 'A service with this name already exists.',
  },
  sla_policy: {
    not_found: 'This SLA policy does not exist.',
  },
  sla: {
    invalid: 'The SLA policy is not valid.',
    no_target: 'Give the SLA policy at least one target time.',
    order_mismatch: 'The list of SLA policies changed in the meantime. Reload and try again.',
  },
  trigger: {
    not_found: 'This trigger does not exist.',
    invalid: 'The trigger is not valid; the problems are marked on it.',
    enabled: 'Disable the trigger before deleting it.',
    order_mismatch: 'The list of triggers changed in the meantime. Reload and try again.',
    events_empty: 'A trigger must listen to at least one event.',
    events_duplicate: 'Each event may be listed once.',
    conditions_empty: 'A trigger needs at least one condition.',
    results_empty: 'A trigger needs at least one result.',
  },
  rule_version: {
    not_found: 'This rule-set version does not exist.',
  },
  simulation: {
    previous_required: 'An “updated” simulation needs the ticket as it was before.',
  },
  business_hours: {
    invalid: 'The business hours are not valid.',
  },
  automation: {
    invalid: 'The automation is not valid.',
  },
  graph: {
    invalid: 'The drawing has problems, marked red on the canvas.',
    trigger_missing: 'The drawing needs a trigger node.',
    trigger_duplicate: 'The drawing may hold only one trigger node.',
    node_duplicate_id: 'Two nodes share the same id.',
    node_unknown_kind: 'This node is of an unknown kind.',
    edge_unknown_node: 'A connection points at a node that does not exist.',
    edge_invalid: 'This connection is not allowed.',
    condition_dangling: 'This condition is not connected to the trigger.',
    result_dangling: 'This result is not connected to the trigger.',
    results_empty: 'A trigger needs at least one result.',
  },
  condition: {
    unknown_field: 'This condition’s field does not exist.',
    value_type_required: 'Choose the field’s value type.',
    value_type_not_applicable: 'This field does not take a value type.',
    operator_not_allowed: 'This comparison does not apply to this field.',
    change_never_observed: 'This change can never be seen on this event.',
    value_required: 'This comparison needs a value.',
    value_not_allowed: 'This comparison takes no value.',
    value_type_mismatch: 'The value does not have the type this field expects.',
    value_not_in_vocabulary: 'This value is not one of the field’s choices.',
    list_empty: 'Give at least one value.',
  },
  result: {
    agent_required: 'Choose the agent to assign to.',
    agent_not_allowed: 'This agent cannot be assigned tickets of this service.',
    tags_empty: 'List at least one tag.',
    recipients_empty: 'List at least one recipient.',
    messages_empty: 'Write the message in at least one language.',
    payload_not_json: 'The payload is not valid JSON.',
    unknown_substitution_code: 'The text uses a placeholder that does not exist.',
  },
  outbound: {
    rejected: 'This address is not allowed as a destination.',
    blocked: 'This address is not allowed as a destination.',
  },
  reference: {
    unknown_group: 'This group does not exist.',
    unknown_agent: 'This agent does not exist.',
    agent_not_in_group: 'This agent is not in that group.',
  },
  shape: {
    invalid_type: 'This value has the wrong type.',
    invalid_value: 'This value is not acceptable.',
  },
  // Operator console (issue 12)
  operations: {
    not_running: 'The workflow is {status}: it is no longer running, so this cannot be done any more.',
    not_failed: 'This delivery is {status}, not failed: there is nothing to retry.',
    nothing_to_retry: 'No activity of this workflow is waiting to retry.',
    no_reset_point: 'This workflow never completed a workflow task to go back to.',
  },
  workflow: {
    not_found: 'No such workflow; it may belong to another organisation or never have existed.',
  },
  delivery: {
    not_found: 'This workflow has no such delivery.',
  },
  issue: 'This value is not acceptable.',
};
