import type { Catalogue } from '../catalogue';
import type en from '../en/common';

export default {
  action: {
    cancel: '취소',
    close: '닫기',
    save: '저장',
    retry: '다시 시도',
    dismiss: '닫기',
    confirm: '확인',
  },
  loading: '불러오는 중…',
  none: '없음',
  language: {
    label: '언어',
    en: 'EN',
    ko: '한',
  },
  time: {
    justNow: '방금',
  },
} satisfies Catalogue<typeof en>;
