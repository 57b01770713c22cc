import type { Catalogue } from '../catalogue';
import type en from '../en/shell';

export default {
  opening: '작업 공간을 여는 중…',
  nav: {
    label: '스튜디오',
    workspace: '상담',
    rules: '트리거',
  },
  shortcuts: '단축키 (?)',
  signOut: '로그아웃',
  orgAdmin: {
    title: '조직 관리자는 조직 설정을 관리합니다',
    body: '서비스, 그룹, 상담원, API 클라이언트는 API로 관리할 수 있습니다(API 문서 참고). 티켓 처리와 트리거 편집에는 관리자 또는 상담원 계정이 필요합니다.',
    docs: 'API 문서 열기',
  },
  loadingRules: '트리거 스튜디오를 불러오는 중…',
  login: {
    pitchTitle: '모든 문의에, {br}제때 답합니다.',
    pitchLead: '모든 문의를 놓치지 않고, 제때 답합니다.',
    pointWorkspace: '이메일, 전화, 채팅, 고객센터 티켓을 한 곳에서',
    pointTriggers: '쉬는 동안에도 배정하고 알리는 트리거',
    pointEvents: '모든 변경을 남기는 이벤트 로그',
    title: '로그인',
    subtitle: '상담원 계정으로 로그인하세요.',
    email: '이메일',
    emailPlaceholder: 'you@company.com',
    password: '비밀번호',
    submit: '로그인',
    submitting: '로그인 중…',
    language: '언어',
    english: 'English',
    korean: '한국어',
    preview: {
      first: '결제 후 주문 내역이 보이지 않아요',
      second: '중복 결제 환불 요청',
      third: '비밀번호 재설정 메일이 오지 않습니다',
    },
  },
  help: {
    title: '단축키',
    list: {
      title: '티켓 목록',
      next: '다음 티켓',
      previous: '이전 티켓',
      open: '선택한 티켓 열기',
      close: '티켓 닫기',
      search: '불러온 티켓 검색',
      switchList: '업무 목록 전환',
      refresh: '새로 고침',
      create: '새 티켓',
    },
    ticket: {
      title: '열린 티켓',
      write: '답변이나 메모 쓰기',
      send: '작성한 내용 보내기',
      switchTab: '처리 이력 / 이벤트 로그 전환',
    },
    rules: {
      title: '트리거 스튜디오',
      moveUp: '선택한 트리거를 위로',
      moveDown: '선택한 트리거를 아래로',
      save: '열린 트리거 저장',
      remove: '선택한 노드나 연결선 삭제',
    },
    anywhere: {
      title: '어디서나',
      help: '이 도움말',
    },
    key: {
      enter: 'Enter',
      escape: 'Esc',
      ctrl: 'Ctrl',
      alt: 'Alt',
      delete: 'Delete',
    },
  },
} satisfies Catalogue<typeof en>;
