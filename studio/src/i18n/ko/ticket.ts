import type { Catalogue } from '../catalogue';
import type en from '../en/ticket';

export default {
  priority: {
    urgent: '긴급',
    high: '높음',
    normal: '보통',
    low: '낮음',
  },
  channel: {
    created: '생성',
    api: 'API',
    email: '이메일',
    help_center_pc: '고객센터(PC)',
    help_center_mobile: '고객센터(모바일)',
    phone: '전화',
    chat: '채팅',
    twitter: '트위터',
    kakao: '카카오',
    issue_transfer: '이슈이관',
  },
  role: {
    org_admin: '조직 관리자',
    admin: '관리자',
    agent: '상담원',
  },
  messageKind: {
    reply: '답변',
    interim: '중간 답변',
    comment: '댓글',
    internal_note: '내부 메모',
  },
  resolveReason: {
    spam: '스팸',
    abuse: '욕설·악성',
    test: '테스트',
    phone: '전화 처리',
    other: '기타',
  },
  language: {
    ko: '한국어',
    en: '영어',
  },
} satisfies Catalogue<typeof en>;
