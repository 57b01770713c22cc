/**
 * The columns of exported tickets and customers, headed in English or Korean, with ids turned into names and
 * codes into words. After the system fields come the customer and agent fields of the exported services, headed
 * with their labels; values of encrypted (PII) fields are never opened for a file and export as {@link MASKED}.
 */
import { isSealedValue } from '../domain/fields';
import type { FieldValue, TicketChannel, TicketPriority, TicketStatus } from '../domain/ticket';
import type { Column } from '../infra/tabular';
import type { CustomerView } from '../store/customers';
import type { Field } from '../store/fields';
import type { TicketView } from '../store/tickets';

export type ExportLanguage = 'ko' | 'en';

const STATUS_KO: Record<TicketStatus, string> = {
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
};
const CHANNEL_KO: Record<TicketChannel, string> = {
  created: '생성',
  api: 'API',
  email: '이메일',
  help_center_pc: '헬프센터(PC)',
  help_center_mobile: '헬프센터(모바일)',
  phone: '전화',
  chat: '채팅',
  twitter: '트위터',
  kakao: '카카오',
  issue_transfer: '이슈이관',
};
const PRIORITY_KO: Record<TicketPriority, string> = { low: '낮음', normal: '보통', high: '높음', urgent: '긴급' };

const header = (language: ExportLanguage, en: string, ko: string) => (language === 'ko' ? ko : en);

/** What an encrypted field's value exports as: that there is one, never what it is or how long. */
export const MASKED = '********';

/** A field's value as a cell: a dropdown's option by its label, an encrypted value masked. */
function fieldCell(field: Field, language: ExportLanguage, value: FieldValue | undefined) {
  if (value === undefined) return null;
  if (field.encrypted) return MASKED;
  if (field.control === 'dropdown') {
    const option = field.options.find((candidate) => candidate.code === value);
    if (option) return labelOf(option.labels, language, option.code);
  }
  return isSealedValue(value) ? MASKED : value;
}

const labelOf = (labels: Record<string, string>, language: ExportLanguage, fallback: string) => labels[language] ?? labels.en ?? labels.ko ?? fallback;

/**
 * A column per field code and scope, headed with the first field's label: services may each define a code, and a
 * code means one thing to the people who chose it.
 */
function fieldColumns(language: ExportLanguage, fields: Field[]): Column<TicketView>[] {
  const byCode = new Map<string, Field[]>();
  for (const field of fields) {
    const key = `${field.scope}:${field.code}`;
    byCode.set(key, [...(byCode.get(key) ?? []), field]);
  }
  return [...byCode.values()].map((same) => {
    const [first] = same;
    const ofService = new Map(same.map((field) => [field.serviceId, field]));
    return {
      header: labelOf(first.labels, language, first.code),
      value: (t: TicketView) => {
        const field = ofService.get(t.serviceId);
        return field ? fieldCell(field, language, (first.scope === 'customer' ? t.customerFields : t.agentFields)[first.code]) : null;
      },
      width: 20,
    };
  });
}

/** The ticket columns: the system fields, then `fields` (customer fields first, each scope in its order). */
export function ticketColumns(language: ExportLanguage, names: Map<string, string>, fields: Field[] = []): Column<TicketView>[] {
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : null);
  const ko = language === 'ko';
  return [
    { header: header(language, 'Ticket ID', '티켓ID'), value: (t) => t.id, width: 22 },
    { header: header(language, 'Service', '서비스'), value: (t) => name(t.serviceId) },
    { header: header(language, 'Created', '생성시간'), value: (t) => new Date(t.createdAt), width: 20 },
    { header: header(language, 'Updated', '수정시간'), value: (t) => new Date(t.updatedAt), width: 20 },
    { header: header(language, 'Status', '티켓상태'), value: (t) => (ko ? STATUS_KO[t.status] : t.status) },
    { header: header(language, 'Priority', '우선순위'), value: (t) => (ko ? PRIORITY_KO[t.priority] : t.priority) },
    { header: header(language, 'Channel', '채널'), value: (t) => (ko ? CHANNEL_KO[t.channel] : t.channel) },
    { header: header(language, 'Intake type', '접수유형'), value: (t) => name(t.intakeTypeId) },
    { header: header(language, 'Resolution type', '처리유형'), value: (t) => name(t.resolutionTypeId) },
    { header: header(language, 'Group', '담당그룹'), value: (t) => name(t.groupId) },
    { header: header(language, 'Assignee', '담당자'), value: (t) => name(t.assigneeId) },
    { header: header(language, 'Subject', '제목'), value: (t) => t.subject, width: 40 },
    { header: header(language, 'Content', '내용'), value: (t) => t.content, width: 60 },
    { header: header(language, 'Customer ID', '고객 고유번호'), value: (t) => t.customer?.id, width: 22 },
    { header: header(language, 'Customer name', '이름'), value: (t) => t.customer?.name },
    { header: header(language, 'Email', '이메일'), value: (t) => t.customer?.email, width: 26 },
    { header: header(language, 'Phone', '전화번호'), value: (t) => t.customer?.phone },
    { header: header(language, 'Tags', '태그'), value: (t) => t.tags.join(', ') },
    { header: header(language, 'Important', '중요'), value: (t) => t.important },
    { header: header(language, 'Resolved', '해결시간'), value: (t) => (t.resolvedAt ? new Date(t.resolvedAt) : null), width: 20 },
    ...fieldColumns(language, fields),
  ];
}

export function customerColumns(language: ExportLanguage, names: Map<string, string>): Column<CustomerView>[] {
  const all = (own: string | null, others: string[] | undefined) => [own, ...(others ?? [])].filter(Boolean).join('\n');
  return [
    { header: header(language, 'Customer ID', '고객 고유번호'), value: (c) => c.id, width: 22 },
    { header: header(language, 'Service', '서비스'), value: (c) => names.get(c.serviceId) ?? c.serviceId },
    { header: header(language, 'Name', '이름'), value: (c) => all(c.name, c.otherValues.name) },
    { header: header(language, 'Member ID', '아이디'), value: (c) => all(c.userId, c.otherValues.userId) },
    { header: header(language, 'Email', '이메일'), value: (c) => all(c.email, c.otherValues.email), width: 28 },
    { header: header(language, 'Phone', '전화번호'), value: (c) => all(c.phone, c.otherValues.phone) },
    { header: header(language, 'User key', '유저키'), value: (c) => all(c.userKey, c.otherValues.userKey) },
    { header: header(language, 'Created', '등록시간'), value: (c) => new Date(c.createdAt), width: 20 },
  ];
}
