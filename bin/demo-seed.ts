/**
 * `npm run demo:seed`: fills a running Contactflow with a realistic demo: a consultation service '온라인 상담'
 * with groups 결제 and 회원정보, six Korean-named agents, intake and resolution type trees, an issue service
 * '기술 지원' with group 개발, and 39 tickets in every state so each task list has something in it.
 *
 * Everything goes through the running API (`npm start`), as the bootstrap admin and then as the demo agents:
 * tickets must run through their workflows, and admin changes must land in the audit log. That is also why this
 * script does not start PostgreSQL itself: `npm start` owns the embedded server and its data directory, and a
 * second server on the same data would be refused.
 *
 * Idempotent: when a service named '온라인 상담' already exists, nothing is created and the logins are printed again.
 */
import { loadConfig, StartupError, type Config } from '../infra/env';

const DEMO_SERVICE = '온라인 상담';
const ISSUE_SERVICE = '기술 지원';
const DEMO_PASSWORD = 'demo-password';
const EMAIL_DOMAIN = 'demo.contactflow.local';

type Permission = 'ticket' | 'phone' | 'chat' | 'callback_assign' | 'ticket_forward';
type GroupName = '결제' | '회원정보' | '개발';

interface DemoAgent {
  login: string;
  name: string;
  role: 'admin' | 'agent';
  permissions: Permission[];
  groups: GroupName[];
}

const AGENTS: DemoAgent[] = [
  { login: 'minjun.kim', name: '김민준', role: 'admin', permissions: ['ticket', 'phone', 'chat', 'callback_assign', 'ticket_forward'], groups: ['결제', '회원정보'] },
  { login: 'seoyeon.lee', name: '이서연', role: 'agent', permissions: ['ticket', 'phone', 'ticket_forward'], groups: ['결제'] },
  { login: 'jihoon.park', name: '박지훈', role: 'agent', permissions: ['ticket', 'chat'], groups: ['결제'] },
  { login: 'yuna.choi', name: '최유나', role: 'agent', permissions: ['ticket', 'phone', 'callback_assign'], groups: ['회원정보'] },
  { login: 'doyun.jung', name: '정도윤', role: 'agent', permissions: ['ticket'], groups: ['회원정보', '결제'] },
  { login: 'jimin.han', name: '한지민', role: 'agent', permissions: ['ticket', 'ticket_forward'], groups: ['개발'] },
];

/** A category tree as nested names; leaves are `[]`. */
interface Tree {
  [name: string]: Tree;
}

const INTAKE_TYPES: Tree = {
  결제: { 계좌이체: {}, 카드결제: { 환불: {} }, 휴대폰결제: {} },
  회원정보: { 가입: {}, 탈퇴: {}, '비밀번호 찾기': {} },
  배송: { '배송 조회': {}, '교환/반품': {} },
  기타: {},
};
const RESOLUTION_TYPES: Tree = {
  '안내 완료': {},
  '환불 처리': { '전액 환불': {}, '부분 환불': {} },
  '회원정보 수정': {},
  '오류 접수': {},
  '재문의 요청': {},
};
const ISSUE_INTAKE_TYPES: Tree = { '버그 신고': { '결제 오류': {}, '로그인 오류': {} }, '기능 문의': {} };
const ISSUE_RESOLUTION_TYPES: Tree = { '수정 배포': {}, '재현 불가': {}, '설계상 동작': {} };

/** Which group works each top-level intake type. */
const GROUP_OF: Record<string, GroupName> = {
  결제: '결제',
  배송: '결제',
  회원정보: '회원정보',
  기타: '회원정보',
  '버그 신고': '개발',
  '기능 문의': '개발',
};

type Channel = 'email' | 'help_center_pc' | 'help_center_mobile' | 'phone' | 'chat' | 'kakao' | 'created';
type Outcome = 'unassigned' | 'in_progress' | 'on_hold' | 'resolved' | 'closed' | 'spam';

interface DemoTicket {
  subject: string;
  content: string;
  /** Path in the service's intake types, e.g. ['결제', '카드결제', '환불']. */
  intake: string[];
  customer: { name: string; email?: string; phone?: string };
  channel: Channel;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  outcome: Outcome;
  resolution?: string[];
}

const 홍길동 = { name: '홍길동', phone: '010-2345-6789' };
const 김영희 = { name: '김영희', email: 'younghee.kim@example.com' };

const TICKETS: DemoTicket[] = [
  { subject: '계좌이체 후 결제 확인이 안 됩니다', content: '어제 오후 3시에 주문 금액 45,000원을 계좌이체했는데 아직 입금 확인 대기 상태입니다. 확인 부탁드립니다.', intake: ['결제', '계좌이체'], customer: { name: '이준호', email: 'junho.lee@example.com' }, channel: 'help_center_pc', outcome: 'in_progress' },
  { subject: '카드 결제 취소 후 환불 일정 문의', content: '지난주 금요일에 주문을 취소했습니다. 카드 환불은 언제쯤 처리되나요?', intake: ['결제', '카드결제', '환불'], customer: 김영희, channel: 'email', outcome: 'resolved', resolution: ['환불 처리', '전액 환불'] },
  { subject: '회원가입 인증 메일이 오지 않아요', content: '회원가입을 하려고 하는데 인증 메일이 30분째 오지 않습니다. 스팸함에도 없습니다.', intake: ['회원정보', '가입'], customer: { name: '박서준', email: 'seojun.park@example.com' }, channel: 'help_center_mobile', outcome: 'unassigned' },
  { subject: '회원 탈퇴 방법을 알려주세요', content: '더 이상 서비스를 이용하지 않아 탈퇴하고 싶습니다. 탈퇴 메뉴를 찾을 수 없습니다.', intake: ['회원정보', '탈퇴'], customer: { name: '정수민', email: 'sumin.jung@example.com' }, channel: 'help_center_pc', outcome: 'closed', resolution: ['안내 완료'] },
  { subject: '휴대폰 소액결제 한도 초과 오류', content: '휴대폰 결제를 시도하면 한도 초과라고 나옵니다. 이번 달에 결제한 적이 없는데 왜 그런가요?', intake: ['결제', '휴대폰결제'], customer: 홍길동, channel: 'phone', priority: 'high', outcome: 'on_hold' },
  { subject: '비밀번호 재설정 링크가 만료되었다고 나옵니다', content: '비밀번호 찾기로 받은 링크를 눌렀더니 만료된 링크라고 합니다. 방금 받은 메일입니다.', intake: ['회원정보', '비밀번호 찾기'], customer: { name: '최지우', email: 'jiwoo.choi@example.com' }, channel: 'email', outcome: 'on_hold' },
  { subject: '배송 조회가 3일째 같은 위치입니다', content: '주문번호 20240611-0042 상품이 3일째 옥천 허브에 머물러 있습니다. 언제 받을 수 있을까요?', intake: ['배송', '배송 조회'], customer: { name: '강민지', phone: '010-3456-7890' }, channel: 'kakao', outcome: 'resolved', resolution: ['안내 완료'] },
  { subject: '사이즈 교환 신청하고 싶어요', content: '운동화를 260으로 주문했는데 작습니다. 265로 교환 가능할까요?', intake: ['배송', '교환/반품'], customer: { name: '윤태현', email: 'taehyun.yoon@example.com' }, channel: 'help_center_mobile', outcome: 'unassigned' },
  { subject: '카드 결제가 두 번 승인되었습니다', content: '한 번 결제했는데 카드사 문자가 두 번 왔습니다. 중복 결제된 금액 환불 부탁드립니다.', intake: ['결제', '카드결제', '환불'], customer: { name: '한예슬', email: 'yeseul.han@example.com' }, channel: 'chat', priority: 'urgent', outcome: 'on_hold' },
  { subject: '무통장 입금 계좌번호를 잘못 입력했어요', content: '입금자명을 다르게 입력해서 입금했습니다. 주문 확인이 가능할까요?', intake: ['결제', '계좌이체'], customer: { name: '오세훈', phone: '010-4567-8901' }, channel: 'phone', outcome: 'closed', resolution: ['안내 완료'] },
  { subject: '[광고] 최저 금리 대출 상담 안내', content: '지금 바로 신청하시면 최저 금리로 대출 가능합니다. 상담 문의 주세요.', intake: ['기타'], customer: { name: '대출상담', email: 'promo@spam.example.com' }, channel: 'email', outcome: 'spam' },
  { subject: '회원 등급 산정 기준이 궁금합니다', content: '지난달 구매 금액이 30만 원이 넘었는데 등급이 그대로입니다. 산정 기준을 알려주세요.', intake: ['기타'], customer: { name: '임나연', email: 'nayeon.lim@example.com' }, channel: 'help_center_pc', priority: 'low', outcome: 'in_progress' },
  { subject: '환불 금액이 결제 금액과 다릅니다', content: '45,000원을 결제했는데 환불은 42,000원만 들어왔습니다. 차액이 왜 생겼는지 알려주세요.', intake: ['결제', '카드결제', '환불'], customer: 김영희, channel: 'email', priority: 'high', outcome: 'in_progress' },
  { subject: '가입 시 휴대폰 본인인증 실패', content: '알뜰폰을 사용 중인데 본인인증이 계속 실패합니다. 다른 방법이 있을까요?', intake: ['회원정보', '가입'], customer: { name: '송민호', phone: '010-5678-9012' }, channel: 'phone', outcome: 'resolved', resolution: ['회원정보 수정'] },
  { subject: '탈퇴 후 재가입이 가능한가요?', content: '실수로 탈퇴했습니다. 같은 이메일로 다시 가입할 수 있나요? 적립금은 복구되나요?', intake: ['회원정보', '탈퇴'], customer: { name: '배수지', email: 'suji.bae@example.com' }, channel: 'chat', outcome: 'on_hold' },
  { subject: '반품 택배 회수 일정 문의', content: '반품 신청을 했는데 회수 기사님이 언제 오시는지 안내가 없습니다.', intake: ['배송', '교환/반품'], customer: { name: '조현우', email: 'hyunwoo.cho@example.com' }, channel: 'help_center_mobile', outcome: 'unassigned' },
  { subject: '휴대폰 결제 취소 요청', content: '휴대폰 결제로 구매한 상품을 취소하고 싶습니다. 이번 달 안에 취소되어야 합니다.', intake: ['결제', '휴대폰결제'], customer: 홍길동, channel: 'phone', priority: 'high', outcome: 'in_progress' },
  { subject: '아이디를 잊어버렸습니다', content: '가입한 아이디가 기억나지 않습니다. 이름과 휴대폰 번호로 찾을 수 있을까요?', intake: ['회원정보', '비밀번호 찾기'], customer: { name: '신동엽', phone: '010-6789-0123' }, channel: 'phone', outcome: 'resolved', resolution: ['안내 완료'] },
  { subject: '부분 환불 요청드립니다', content: '3개 중 1개 상품이 파손되어 도착했습니다. 해당 상품만 환불 부탁드립니다. 사진 첨부합니다.', intake: ['결제', '카드결제', '환불'], customer: { name: '유재석', email: 'jaeseok.yoo@example.com' }, channel: 'help_center_pc', outcome: 'on_hold' },
  { subject: '해외 배송도 가능한가요?', content: '미국에 있는 가족에게 선물을 보내고 싶습니다. 해외 배송이 되나요?', intake: ['배송', '배송 조회'], customer: { name: 'Jane Park', email: 'jane.park@example.com' }, channel: 'email', priority: 'low', outcome: 'closed', resolution: ['안내 완료'] },
  { subject: '가상계좌 입금 기한이 지났어요', content: '가상계좌 입금 기한을 놓쳤습니다. 주문을 다시 해야 하나요?', intake: ['결제', '계좌이체'], customer: { name: '김태리', email: 'taeri.kim@example.com' }, channel: 'help_center_mobile', outcome: 'unassigned' },
  { subject: '개인정보 변경(주소) 요청', content: '이사를 해서 기본 배송지 주소를 변경하고 싶은데 저장이 되지 않습니다.', intake: ['회원정보', '가입'], customer: { name: '이광수', email: 'kwangsoo.lee@example.com' }, channel: 'chat', outcome: 'in_progress' },
  { subject: '영수증 발급 요청', content: '회사 경비 처리를 위해 카드 영수증이 필요합니다. 어디서 출력할 수 있나요?', intake: ['결제', '카드결제'], customer: { name: '전소민', email: 'somin.jeon@example.com' }, channel: 'email', outcome: 'closed', resolution: ['안내 완료'] },
  { subject: '상품이 다른 색상으로 왔습니다', content: '검정색을 주문했는데 회색이 도착했습니다. 교환 부탁드립니다.', intake: ['배송', '교환/반품'], customer: { name: '하하', phone: '010-7890-1234' }, channel: 'kakao', priority: 'high', outcome: 'on_hold' },
  { subject: '이벤트 쿠폰이 적용되지 않습니다', content: '신규 가입 쿠폰이 결제 단계에서 적용되지 않습니다. 사용 조건이 있나요?', intake: ['기타'], customer: { name: '양세찬', email: 'sechan.yang@example.com' }, channel: 'help_center_pc', outcome: 'unassigned' },
  { subject: '[광고] 팔로워 1만 명 늘려드립니다', content: '저렴한 가격에 SNS 팔로워를 늘려드립니다. 지금 연락 주세요.', intake: ['기타'], customer: { name: '마케팅', email: 'follow@spam.example.com' }, channel: 'help_center_mobile', outcome: 'spam' },
  { subject: '환불 처리가 2주째 안 되고 있습니다', content: '반품 완료 후 2주가 지났는데 환불이 아직입니다. 빠른 처리 부탁드립니다.', intake: ['결제', '카드결제', '환불'], customer: 홍길동, channel: 'phone', priority: 'urgent', outcome: 'in_progress' },
  { subject: '로그인 시 계정이 잠겼다고 나옵니다', content: '비밀번호를 여러 번 틀려서 계정이 잠겼습니다. 잠금 해제 방법을 알려주세요.', intake: ['회원정보', '비밀번호 찾기'], customer: { name: '노홍철', email: 'hongchul.noh@example.com' }, channel: 'chat', priority: 'high', outcome: 'closed', resolution: ['회원정보 수정'] },
  { subject: '입금했는데 주문이 취소되었습니다', content: '입금 기한 안에 이체했는데 주문이 자동 취소되었습니다. 입금한 금액은 어떻게 되나요?', intake: ['결제', '계좌이체'], customer: { name: '정형돈', phone: '010-8901-2345' }, channel: 'phone', priority: 'high', outcome: 'resolved', resolution: ['환불 처리', '전액 환불'] },
  { subject: '탈퇴 처리 확인 부탁드립니다', content: '지난주에 탈퇴 신청했는데 아직 마케팅 문자가 옵니다. 탈퇴가 된 건가요?', intake: ['회원정보', '탈퇴'], customer: { name: '박명수', email: 'myungsoo.park@example.com' }, channel: 'email', outcome: 'on_hold' },
  { subject: '배송지 변경 가능할까요?', content: '방금 주문했는데 배송지를 회사로 바꾸고 싶습니다. 아직 출고 전인가요?', intake: ['배송', '배송 조회'], customer: { name: '길성준', email: 'sungjun.gil@example.com' }, channel: 'help_center_mobile', priority: 'high', outcome: 'unassigned' },
  { subject: '적립금 소멸 예정 안내를 받았어요', content: '적립금이 이번 달 말에 소멸된다고 합니다. 연장은 안 되나요?', intake: ['기타'], customer: 김영희, channel: 'email', priority: 'low', outcome: 'resolved', resolution: ['안내 완료'] },
  { subject: '카드 할부 개월 수 변경 요청', content: '일시불로 결제했는데 3개월 할부로 바꾸고 싶습니다. 가능한가요?', intake: ['결제', '카드결제'], customer: { name: '황광희', email: 'kwanghee.hwang@example.com' }, channel: 'chat', outcome: 'on_hold' },
  { subject: '회원가입 시 이미 가입된 이메일이라고 나옵니다', content: '처음 가입하는데 이미 가입된 이메일이라고 합니다. 도용된 건 아닌지 걱정됩니다.', intake: ['회원정보', '가입'], customer: { name: '서장훈', email: 'janghoon.seo@example.com' }, channel: 'help_center_pc', priority: 'urgent', outcome: 'in_progress' },
  { subject: '반품 배송비는 누가 부담하나요?', content: '단순 변심으로 반품하려고 합니다. 반품 배송비가 얼마인지 알려주세요.', intake: ['배송', '교환/반품'], customer: { name: '김종국', phone: '010-9012-3456' }, channel: 'phone', priority: 'low', outcome: 'unassigned' },
  { subject: '계좌이체 환불 계좌 등록 방법', content: '무통장 입금 주문을 취소했습니다. 환불받을 계좌는 어디에 등록하나요?', intake: ['결제', '계좌이체'], customer: { name: '송지효', email: 'jihyo.song@example.com' }, channel: 'help_center_mobile', outcome: 'closed', resolution: ['안내 완료'] },
];

/**
 * Issue tickets arrive by issue transfer (이슈 이관) in the product; until that route exists, the specialists'
 * queue is filled with tickets created by hand so their task lists are not empty either.
 */
const ISSUE_TICKETS: DemoTicket[] = [
  { subject: '특정 카드사 결제 시 500 오류 발생', content: 'A카드로 결제하면 결제 승인 단계에서 500 오류가 발생한다는 고객 문의가 오늘만 5건 접수되었습니다. 확인 부탁드립니다.', intake: ['버그 신고', '결제 오류'], customer: { name: '한예슬', email: 'yeseul.han@example.com' }, channel: 'created', priority: 'urgent', outcome: 'in_progress' },
  { subject: '안드로이드 앱 자동 로그인 해제 현상', content: '앱 업데이트 이후 자동 로그인이 매번 해제된다는 문의가 이어지고 있습니다. 재현 경로: 앱 종료 후 재실행.', intake: ['버그 신고', '로그인 오류'], customer: { name: '노홍철', email: 'hongchul.noh@example.com' }, channel: 'created', priority: 'high', outcome: 'on_hold' },
  { subject: '주문 내역 엑셀 다운로드 기능 문의', content: '기업 고객이 주문 내역을 엑셀로 내려받을 수 있는지 문의했습니다. 제공 계획이 있는지 확인 부탁드립니다.', intake: ['기능 문의'], customer: { name: '전소민', email: 'somin.jeon@example.com' }, channel: 'created', priority: 'low', outcome: 'unassigned' },
];

const HOLD_REPLY = '고객님, 문의 주셔서 감사합니다. 담당 부서에 확인 요청을 드렸으며 확인되는 대로 다시 안내해 드리겠습니다.';
const RESOLVE_REPLY = '고객님, 문의하신 내용 처리가 완료되었습니다. 추가로 궁금하신 점이 있으시면 언제든지 문의해 주세요. 감사합니다.';

interface ApiErrorBody {
  error?: { code?: string; message?: string };
}

class DemoSeedError extends StartupError {}

class ApiClient {
  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (parsed as ApiErrorBody | null)?.error;
      throw new DemoSeedError(`${method} ${path} answered ${response.status} ${error?.code ?? ''}: ${error?.message ?? text}`);
    }
    return parsed as T;
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/auth/login', null, { email, password })).token;
  }
}

/** Fails with instructions when nothing answers at the API address. */
async function assertApiRunning(config: Config): Promise<void> {
  const hint = `Start Contactflow first with \`npm start\` (in another terminal), then run \`npm run demo:seed\` again.`;
  let response: Response;
  try {
    response = await fetch(`${config.PUBLIC_URL}/health`, { signal: AbortSignal.timeout(5_000) });
  } catch {
    throw new DemoSeedError(`The Contactflow API is not reachable at ${config.PUBLIC_URL}. ${hint}`);
  }
  if (response.status !== 200) {
    throw new DemoSeedError(
      `The Contactflow API at ${config.PUBLIC_URL} is up but not healthy (${response.status}: ${await response.text()}). ${hint}`,
    );
  }
}

interface Service {
  id: string;
  name: string;
}
interface Category {
  id: string;
}

/** Creates a category tree, returning ids by path (`결제/카드결제/환불`). */
async function createTree(
  api: ApiClient,
  token: string,
  serviceId: string,
  kind: 'intake' | 'resolution',
  tree: Tree,
  ids = new Map<string, string>(),
  parent?: { id: string; path: string },
): Promise<Map<string, string>> {
  for (const [name, children] of Object.entries(tree)) {
    const category = await api.call<Category>('POST', `/services/${serviceId}/categories`, token, {
      kind,
      name,
      parentId: parent?.id,
    });
    const path = parent ? `${parent.path}/${name}` : name;
    ids.set(path, category.id);
    await createTree(api, token, serviceId, kind, children, ids, { id: category.id, path });
  }
  return ids;
}

/**
 * The member of `group` with the fewest tickets ending in `outcome` so far (then the fewest overall), so that
 * every demo agent finds something in each of their task lists.
 */
function chooseTaker(group: GroupName, outcome: Outcome, workload: Map<string, number>): string {
  const count = (key: string) => workload.get(key) ?? 0;
  const [taker] = AGENTS.filter((agent) => agent.groups.includes(group))
    .map((agent) => agent.login)
    .sort((a, b) => count(`${a}:${outcome}`) - count(`${b}:${outcome}`) || count(a) - count(b));
  workload.set(`${taker}:${outcome}`, count(`${taker}:${outcome}`) + 1);
  workload.set(taker, count(taker) + 1);
  return taker;
}

const emailOf = (agent: DemoAgent) => `${agent.login}@${EMAIL_DOMAIN}`;

function printLogins(config: Config): void {
  const lines = [
    '',
    `Demo logins at ${config.PUBLIC_URL} (password for all demo agents: ${DEMO_PASSWORD}):`,
    ...AGENTS.map((agent) => `  ${emailOf(agent).padEnd(38)} ${agent.name}  ${agent.role.padEnd(6)} groups: ${agent.groups.join(', ')}`),
    `  ${config.BOOTSTRAP_ADMIN_EMAIL.padEnd(38)} bootstrap admin (password from BOOTSTRAP_ADMIN_PASSWORD)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

async function seed(config: Config): Promise<void> {
  await assertApiRunning(config);
  const api = new ApiClient(config.PUBLIC_URL);
  let admin: string;
  try {
    admin = await api.login(config.BOOTSTRAP_ADMIN_EMAIL, config.BOOTSTRAP_ADMIN_PASSWORD);
  } catch (error) {
    throw new DemoSeedError(
      `Could not log in as the bootstrap admin ${config.BOOTSTRAP_ADMIN_EMAIL}: ${(error as Error).message}. ` +
        'Set BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD to the values Contactflow was first started with.',
    );
  }

  const services = await api.call<Service[]>('GET', '/services', admin);
  if (services.some((service) => service.name === DEMO_SERVICE)) {
    process.stdout.write(`The demo data is already there (a service named '${DEMO_SERVICE}' exists); nothing was changed.\n`);
    printLogins(config);
    return;
  }

  process.stdout.write(`Creating the services '${DEMO_SERVICE}' and '${ISSUE_SERVICE}'…\n`);
  const consultation = await api.call<Service>('POST', '/services', admin, { name: DEMO_SERVICE, kind: 'consultation' });
  const issue = await api.call<Service>('POST', '/services', admin, { name: ISSUE_SERVICE, kind: 'issue' });
  const groupIds = {} as Record<GroupName, string>;
  for (const name of ['결제', '회원정보'] as const) {
    groupIds[name] = (await api.call<{ id: string }>('POST', `/services/${consultation.id}/groups`, admin, { name })).id;
  }
  groupIds['개발'] = (await api.call<{ id: string }>('POST', `/services/${issue.id}/groups`, admin, { name: '개발' })).id;

  process.stdout.write('Creating intake and resolution types…\n');
  const intake = await createTree(api, admin, consultation.id, 'intake', INTAKE_TYPES);
  const resolution = await createTree(api, admin, consultation.id, 'resolution', RESOLUTION_TYPES);
  const issueIntake = await createTree(api, admin, issue.id, 'intake', ISSUE_INTAKE_TYPES);
  const issueResolution = await createTree(api, admin, issue.id, 'resolution', ISSUE_RESOLUTION_TYPES);

  process.stdout.write(`Creating ${AGENTS.length} agents…\n`);
  const tokens = new Map<string, string>();
  for (const agent of AGENTS) {
    await api.call('POST', '/agents', admin, {
      email: emailOf(agent),
      name: agent.name,
      role: agent.role,
      permissions: agent.permissions,
      groupIds: agent.groups.map((group) => groupIds[group]),
      password: DEMO_PASSWORD,
    });
    tokens.set(agent.login, await api.login(emailOf(agent), DEMO_PASSWORD));
  }
  const demoAdmin = tokens.get(AGENTS[0].login)!;

  const ticketCount = TICKETS.length + ISSUE_TICKETS.length;
  process.stdout.write(`Creating ${ticketCount} tickets through their workflows and working them as the demo agents…\n`);
  const workload = new Map<string, number>();
  const outcomes = new Map<Outcome, number>();
  const batches = [
    { service: consultation, tickets: TICKETS, intake, resolution },
    { service: issue, tickets: ISSUE_TICKETS, intake: issueIntake, resolution: issueResolution },
  ];
  for (const batch of batches) {
    for (const ticket of batch.tickets) {
      const group = GROUP_OF[ticket.intake[0]];
      const created = await api.call<{ id: string }>('POST', '/tickets', admin, {
        serviceId: batch.service.id,
        channel: ticket.channel,
        subject: ticket.subject,
        content: ticket.content,
        priority: ticket.priority ?? 'normal',
        intakeTypeId: batch.intake.get(ticket.intake.join('/')),
        groupId: groupIds[group],
        customer: ticket.customer,
      });
      const act = (action: string, token: string, body: unknown = {}) =>
        api.call('POST', `/tickets/${created.id}/${action}`, token, body);

      if (ticket.outcome === 'spam') {
        await act('internal-resolve', demoAdmin, { reason: 'spam', note: '광고성 문의' });
      } else if (ticket.outcome !== 'unassigned') {
        const taker = tokens.get(chooseTaker(group, ticket.outcome, workload))!;
        await act('take', taker, { groupId: groupIds[group] });
        if (ticket.outcome === 'on_hold') await act('hold', taker, { body: HOLD_REPLY });
        if (ticket.outcome === 'resolved' || ticket.outcome === 'closed') {
          const resolutionTypeId = ticket.resolution && batch.resolution.get(ticket.resolution.join('/'));
          await act('resolve', taker, { body: RESOLVE_REPLY, resolutionTypeId });
        }
        if (ticket.outcome === 'closed') await act('complete', demoAdmin);
      }
      outcomes.set(ticket.outcome, (outcomes.get(ticket.outcome) ?? 0) + 1);
    }
  }

  process.stdout.write(
    `\nDone: services '${DEMO_SERVICE}' (groups 결제, 회원정보) and '${ISSUE_SERVICE}' (group 개발), ${AGENTS.length} agents, ` +
      `${intake.size + issueIntake.size} intake and ${resolution.size + issueResolution.size} resolution types, ${ticketCount} tickets ` +
      `(${[...outcomes].map(([outcome, count]) => `${count} ${outcome}`).join(', ')}).\n`,
  );
  printLogins(config);
}

seed(loadConfig()).catch((error: unknown) => {
  process.stderr.write(`${error instanceof StartupError ? error.message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exitCode = 1;
});
