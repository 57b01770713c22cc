import type { Catalogue } from '../catalogue';
import type en from '../en/errors';

export default {
  network: '서버에 연결할 수 없습니다. 네트워크를 확인한 뒤 다시 시도하세요.',
  internal: '서버에서 문제가 발생했습니다. 다시 시도하고, 계속되면 관리자에게 알려 주세요.',
  unknown: '문제가 발생했습니다. 다시 시도하세요.',
  http: {
    badRequest: '요청을 처리할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    unauthorized: '세션이 만료되었습니다. 다시 로그인하세요.',
    forbidden: '이 작업을 할 권한이 없습니다.',
    notFound: '대상이 존재하지 않습니다. 삭제되었을 수 있습니다.',
    conflict: '그사이 내용이 바뀌었습니다. 새로 고친 뒤 다시 시도하세요.',
    tooLarge: '보내기에는 너무 큽니다.',
    unprocessable: '받아들일 수 없는 값이 있습니다. 입력을 확인한 뒤 다시 시도하세요.',
    tooMany: '시도가 너무 많습니다. 잠시 후 다시 시도하세요.',
    server: '서버에서 문제가 발생했습니다. 다시 시도하세요.',
    unavailable: '서비스를 잠시 사용할 수 없습니다. 잠시 후 다시 시도하세요.',
  },
  form: {
    contact_required: '고객의 이메일이나 전화번호를 입력하세요.',
  },
  auth: {
    invalid_credentials: '이메일 또는 비밀번호가 올바르지 않습니다.',
    too_many_attempts: '로그인 시도가 너무 많습니다. 1분 뒤 다시 시도하세요.',
    required: '계속하려면 로그인하세요.',
    invalid_token: '세션이 만료되었습니다. 다시 로그인하세요.',
    forbidden: '이 작업을 할 권한이 없습니다.',
  },
  request: {
    invalid: '받아들일 수 없는 값이 있습니다. 입력을 확인한 뒤 다시 시도하세요.',
    malformed: '요청을 처리할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    too_large: '보내기에는 너무 큽니다.',
    invalid_cursor: '목록이 바뀌었습니다. 새로 고친 뒤 계속하세요.',
    invalid_reference: '참조하는 항목이 더 이상 없습니다. 새로 고친 뒤 다시 선택하세요.',
  },
  route: {
    not_found: '존재하지 않는 주소입니다.',
  },
  database: {
    unavailable: '데이터베이스를 잠시 사용할 수 없습니다. 잠시 후 다시 시도하세요.',
  },
  temporal: {
    unavailable: '워크플로 엔진을 잠시 사용할 수 없습니다. 잠시 후 다시 시도하세요.',
  },
  idempotency: {
    key_reused: '같은 요청이 다른 내용으로 이미 전송되었습니다. 새로 고친 뒤 다시 시도하세요.',
  },
  ticket: {
    not_found: '티켓이 없거나 볼 권한이 없습니다.',
    forbidden: '이 티켓에 대한 작업 권한이 없습니다.',
    forward_forbidden: '티켓을 전달할 권한이 없습니다.',
    not_assignee: '티켓 담당자만 할 수 있습니다.',
    not_in_service: '이 티켓의 서비스에 속해 있지 않습니다.',
    not_group_member: '선택한 상담원이 그 그룹에 속해 있지 않습니다.',
    admin_only: '관리자만 할 수 있습니다.',
    not_assignable: '현재 상태에서는 티켓을 배정할 수 없습니다.',
    not_assigned: '아직 담당자가 없는 티켓입니다.',
    invalid_transition: '현재 상태에서 그 상태로 바꿀 수 없습니다.',
    closed: '완료된 티켓이라 더 이상 바꿀 수 없습니다.',
    group_required: '먼저 그룹을 선택하세요.',
    permission_required: '이 작업에 필요한 권한({permission})이 없습니다.',
  },
  bulk: {
    unknown_tickets: '선택한 티켓 중 더 이상 없는 티켓이 있습니다.',
    unassigned_tickets: '일괄 답변은 선택한 모든 티켓에 담당자가 있어야 합니다.',
    other_service: '선택한 그룹이나 유형이 일부 티켓과 다른 서비스에 속합니다.',
  },
  field: {
    required: '필수 필드를 먼저 입력하세요.',
    unknown: '이 티켓에 {code} 필드가 없습니다.',
    invalid_value: '{code} 값이 올바르지 않습니다: {problem}.',
    admin_only: '{code} 필드는 관리자만 입력할 수 있습니다.',
  },
  agent: {
    not_found: '상담원이 존재하지 않습니다.',
    email_taken: '다른 상담원이 이미 사용하는 이메일입니다.',
    group_required: '상담원의 그룹을 하나 이상 선택하세요.',
    self_change: '자신의 역할을 바꾸거나 자신을 비활성화할 수 없습니다.',
  },
  api_token: {
    not_found: 'API 토큰이 존재하지 않습니다.',
  },
  category: {
    not_found: '분류가 존재하지 않습니다.',
    name_taken: '같은 이름의 분류가 이미 있습니다.',
    too_deep: '분류를 이보다 깊게 만들 수 없습니다.',
  },
  customer: {
    not_found: '고객이 존재하지 않습니다.',
    forbidden: '이 고객을 볼 권한이 없습니다.',
  },
  group: {
    not_found: '그룹이 존재하지 않습니다.',
    name_taken: '같은 이름의 그룹이 이미 있습니다.',
  },
  service: {
    not_found: '서비스가 존재하지 않습니다.',
    name_taken: '같은 이름의 서비스가 이미 있습니다.',
  },
  sla_policy: {
    not_found: 'SLA 정책이 존재하지 않습니다.',
  },
  sla: {
    invalid: 'SLA 정책이 올바르지 않습니다.',
    no_target: 'SLA 정책에 목표 시간을 하나 이상 지정하세요.',
    order_mismatch: '그사이 SLA 정책 목록이 바뀌었습니다. 새로 고친 뒤 다시 시도하세요.',
  },
  trigger: {
    not_found: '트리거가 존재하지 않습니다.',
    invalid: '트리거가 올바르지 않습니다. 문제가 있는 곳을 표시했습니다.',
    enabled: '삭제하기 전에 트리거를 비활성화하세요.',
    order_mismatch: '그사이 트리거 목록이 바뀌었습니다. 새로 고친 뒤 다시 시도하세요.',
    events_empty: '트리거는 이벤트를 하나 이상 들어야 합니다.',
    events_duplicate: '같은 이벤트는 한 번만 지정할 수 있습니다.',
    conditions_empty: '트리거에는 조건이 하나 이상 필요합니다.',
    results_empty: '트리거에는 실행 결과가 하나 이상 필요합니다.',
  },
  rule_version: {
    not_found: '규칙 버전이 존재하지 않습니다.',
  },
  simulation: {
    previous_required: '“변경” 시뮬레이션에는 변경 전 티켓이 필요합니다.',
  },
  business_hours: {
    invalid: '업무시간 설정이 올바르지 않습니다.',
  },
  automation: {
    invalid: '자동화 설정이 올바르지 않습니다.',
  },
  graph: {
    invalid: '그림에 문제가 있습니다. 캔버스에 빨간색으로 표시했습니다.',
    trigger_missing: '트리거 노드가 필요합니다.',
    trigger_duplicate: '트리거 노드는 하나만 둘 수 있습니다.',
    node_duplicate_id: '두 노드의 id가 같습니다.',
    node_unknown_kind: '알 수 없는 종류의 노드입니다.',
    edge_unknown_node: '연결선이 없는 노드를 가리킵니다.',
    edge_invalid: '허용되지 않는 연결입니다.',
    condition_dangling: '이 조건이 트리거에 연결되어 있지 않습니다.',
    result_dangling: '이 실행 결과가 트리거에 연결되어 있지 않습니다.',
    results_empty: '트리거에는 실행 결과가 하나 이상 필요합니다.',
  },
  condition: {
    unknown_field: '조건의 필드가 존재하지 않습니다.',
    value_type_required: '필드의 값 형식을 선택하세요.',
    value_type_not_applicable: '이 필드에는 값 형식을 지정하지 않습니다.',
    operator_not_allowed: '이 필드에는 쓸 수 없는 비교입니다.',
    change_never_observed: '이 이벤트에서는 이 변경을 볼 수 없습니다.',
    value_required: '이 비교에는 값이 필요합니다.',
    value_not_allowed: '이 비교에는 값을 지정하지 않습니다.',
    value_type_mismatch: '필드가 기대하는 형식의 값이 아닙니다.',
    value_not_in_vocabulary: '필드가 허용하는 값이 아닙니다.',
    list_empty: '값을 하나 이상 지정하세요.',
  },
  result: {
    agent_required: '배정할 상담원을 선택하세요.',
    agent_not_allowed: '이 상담원은 이 서비스의 티켓을 배정받을 수 없습니다.',
    tags_empty: '태그를 하나 이상 입력하세요.',
    recipients_empty: '받는 사람을 하나 이상 입력하세요.',
    messages_empty: '메시지를 한 가지 언어 이상으로 작성하세요.',
    payload_not_json: '페이로드가 올바른 JSON이 아닙니다.',
    unknown_substitution_code: '존재하지 않는 치환 코드를 사용했습니다.',
  },
  outbound: {
    rejected: '허용되지 않는 대상 주소입니다.',
    blocked: '허용되지 않는 대상 주소입니다.',
  },
  callback: {
    invalid_payload: '콜백 페이로드가 올바르지 않습니다.',
  },
  reference: {
    unknown_group: '그룹이 존재하지 않습니다.',
    unknown_agent: '상담원이 존재하지 않습니다.',
    agent_not_in_group: '상담원이 그 그룹에 속해 있지 않습니다.',
  },
  shape: {
    invalid_type: '값의 형식이 올바르지 않습니다.',
    invalid_value: '받아들일 수 없는 값입니다.',
  },
  issue: '받아들일 수 없는 값입니다.',
} satisfies Catalogue<typeof en>;
