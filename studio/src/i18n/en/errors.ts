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
    permission_required: 'You do not have the permission this needs ({permission}).',
  },
  bulk: {
    unknown_tickets: 'Some selected tickets no longer exist.',
    unassigned_tickets: 'A bulk reply needs every selected ticket to have an assignee.',
    other_service: 'The chosen group or type belongs to another service than some selected tickets.',
  },
  field: {
    required: 'Fill in the required fields first.',
    unknown: 'The field {code} does not exist on this ticket.',
    invalid_value: 'The value of {code} is not acceptable: {problem}.',
    admin_only: 'Only admins fill in {code}.',
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
  callback: {
    invalid_payload: 'The callback payload is not valid.',
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
  issue: 'This value is not acceptable.',
};
