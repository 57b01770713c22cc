import type { Catalogue } from '../catalogue';
import type en from '../en/status';

export default {
  unassigned: '미할당',
  in_progress: '처리중',
  on_hold: '보류중',
  issue_transferred: '이관 처리중',
  issue_answered: '이관 답변완료',
  dooray_transferred: 'Dooray 이관완료',
  dooray_in_progress: 'Dooray 진행중',
  dooray_answered: 'Dooray 답변완료',
  resolved: '해결',
  closed: '완료',
  spam: '스팸',
} satisfies Catalogue<typeof en>;
