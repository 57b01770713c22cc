/** 티켓 데스크: 일괄 처리와 티켓 수정. */
import type { Catalogue } from '../catalogue';
import type en from '../en/desk';

export default {
  select: {
    shortcut: '일괄 처리할 티켓 선택',
    row: '{subject} 선택',
    all: '보이는 티켓 모두 선택',
  },
  bulk: {
    label: '일괄 처리',
    selected: '{count}건 선택됨',
    clear: '선택 해제',
    action: '처리',
    start: '{count}건에 적용',
    text: '내용',
    tags: '추가할 태그 (쉼표로 구분)',
    internal: '내부 메모',
    running: '{total}건 중 {done}건 처리 중…',
    finished: '완료: {done}건 적용, {refused}건 거부',
    refusals: '거부된 티켓',
    close: '닫기',
    actions: {
      priority: '우선순위 변경',
      tags: '태그 추가',
      comment: '코멘트',
      hold: '보류 답변',
      resolve: '해결 답변',
      spam: '스팸 처리',
    },
  },
  composer: {
    template: '템플릿 넣기',
    templateSearch: '템플릿 검색',
    noTemplates: '템플릿 없음',
    attach: '첨부',
    remove: '{name} 빼기',
  },
  fields: {
    label: '필드',
    save: '필드 저장',
  },
  edit: {
    label: '티켓 수정',
    priority: '우선순위',
    star: '중요',
    starOn: '중요 표시됨',
    starOff: '중요 표시',
    tags: '태그',
    save: '저장',
    saved: '티켓을 수정했습니다',
  },
} satisfies Catalogue<typeof en>;
