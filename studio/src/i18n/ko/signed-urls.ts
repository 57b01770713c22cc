import type { Catalogue } from '../catalogue';
import type en from '../en/signed-urls';

export default {
  open: '서명 URL',
  title: '외부 시스템용 서명 URL',
  subtitle: 'URL을 가진 누구나 만료될 때까지 이 워크플로에 이 동작 하나를 할 수 있습니다. 로그인은 필요 없습니다.',
  action: '동작',
  actions: {
    comment: '티켓에 댓글 추가',
    answer: '콜백 결과 기록',
  },
  actionHelp: {
    comment: '시스템이 {"body": "…", "internal": true|false}를 보내면 티켓에 댓글이 달립니다.',
    answer: '시스템이 {"outcome": "answered"|"no_answer"|"busy"|"wrong_number", "note": "…"}를 보냅니다.',
  },
  lifetime: '유효 기간',
  lifetimeHint: '최대 30일입니다. 기간이 끝나면 새 URL을 만드세요.',
  lifetimes: {
    '3600': '1시간',
    '86400': '1일',
    '604800': '7일',
    '2592000': '30일',
  },
  singleUse: '한 번만 사용',
  singleUseHint: '두 번째 사용은 거부됩니다. 거부된 사용은 횟수에 들어가지 않습니다.',
  mint: 'URL 만들기',
  mintedTitle: '서명 URL을 만들었습니다',
  expires: '{action}: {lifetime} 동안, {time}까지 사용할 수 있습니다.',
  expiresOnce: '{action}: {lifetime} 동안, {time}까지 한 번 사용할 수 있습니다.',
  url: 'URL',
  curl: '요청 예시',
  curlHint: 'URL을 외부 시스템에 전달하세요. 시스템은 이와 같은 JSON 본문을 보냅니다. URL은 비밀번호처럼 다루세요.',
  copy: '복사',
  copyOne: '{what} 복사',
  copied: '복사했습니다',
  done: '완료',
} satisfies Catalogue<typeof en>;
