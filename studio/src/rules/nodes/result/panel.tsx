/**
 * Editing a result node: its type, then the form that type needs. Every change replaces the node's plain-JSON
 * data; what the API refuses comes back as issues on the field.
 */
import { useId, type ReactNode } from 'react';
import { useRuleLookups } from '../../context';
import { hasIssueAt, type NodeIssue } from '../../issues';
import { AgentSelect, CategorySelect, GroupSelect, ListInput, useAssignableAgents } from '../../pickers';
import { useLang } from '../../../i18n';
import {
  ASSIGN_STRATEGY_LABELS,
  MESSAGE_LANGUAGE_LABELS,
  NOTIFY_RECIPIENT_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  RESULT_LABELS,
} from '../../../vocabulary';
import { RESULT_KIND, RESULT_TYPES, SUBSTITUTION_CODES, defaultResult } from './defaults';
import type { Result, ResultNodeData, ResultOf, ResultType } from './types';

type Change<T extends ResultType> = (patch: Partial<ResultOf<T>>) => void;
/** Whether an issue points at this path inside the result. */
type Invalid = (...path: string[]) => boolean;

function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function ResultPanel({
  data,
  order,
  onChange,
  issues,
}: {
  data: ResultNodeData;
  order: number | undefined;
  onChange: (data: ResultNodeData) => void;
  issues: readonly NodeIssue[];
}) {
  const { t, other } = useLang();
  const lookups = useRuleLookups();
  const { result } = data;
  const set = (next: Result) => onChange({ ...data, result: next });
  const patch = <T extends ResultType>(values: Partial<ResultOf<T>>) => set({ ...result, ...values } as Result);
  const invalid = (...path: string[]) => hasIssueAt(issues, ...path);

  return (
    <div className="stack">
      <p className="panel-kind">
        {order !== undefined ? `Runs ${ordinal(order)} · ${order}번째로 실행` : 'Not connected · 연결 안 됨'}
        <span className={`badge ${RESULT_KIND[result.type] === 'sideEffect' ? 'tone-violet' : 'tone-green'}`}>
          {RESULT_KIND[result.type] === 'sideEffect' ? 'Side effect · 외부 실행' : 'Changes the ticket · 티켓 변경'}
        </span>
      </p>
      <Field label="Result type · 결과 유형">
        <select value={result.type} onChange={(event) => set(defaultResult(event.target.value as ResultType, lookups))}>
          {RESULT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(RESULT_LABELS[type])} · {other(RESULT_LABELS[type])}
            </option>
          ))}
        </select>
      </Field>
      <ResultForm result={result} patch={patch} invalid={invalid} />
    </div>
  );
}

function ordinal(order: number): string {
  const suffix = order % 10 === 1 && order % 100 !== 11 ? 'st' : order % 10 === 2 && order % 100 !== 12 ? 'nd' : order % 10 === 3 && order % 100 !== 13 ? 'rd' : 'th';
  return `${order}${suffix}`;
}

function ResultForm({ result, patch, invalid }: { result: Result; patch: <T extends ResultType>(values: Partial<ResultOf<T>>) => void; invalid: Invalid }) {
  switch (result.type) {
    case 'assign':
      return <AssignForm result={result} patch={patch<'assign'>} invalid={invalid} />;
    case 'setIntakeType':
      return (
        <Field label="Intake type · 접수유형">
          <CategorySelect kind="intake" requireEnabled value={result.intakeTypeId} invalid={invalid('intakeTypeId')} onChange={(intakeTypeId) => patch<'setIntakeType'>({ intakeTypeId })} />
        </Field>
      );
    case 'setPriority':
      return <PriorityForm result={result} patch={patch<'setPriority'>} />;
    case 'addTags':
    case 'removeTags':
      return (
        <Field label="Tags · 태그" hint="Separate tags with commas. · 쉼표로 구분합니다.">
          <ListInput values={result.tags} invalid={invalid('tags')} placeholder="vip, 환불" onChange={(tags) => patch<'addTags'>({ tags })} />
        </Field>
      );
    case 'forwardToGroup':
      return (
        <Field label="Group · 그룹" hint="The ticket goes to the group without an assignee. · 담당자 없이 그룹으로 전달합니다.">
          <GroupSelect value={result.groupId} invalid={invalid('groupId')} onChange={(groupId) => patch<'forwardToGroup'>({ groupId })} />
        </Field>
      );
    case 'notifyEmail':
      return <NotifyForm result={result} patch={patch<'notifyEmail'>} invalid={invalid} />;
    case 'forwardEmail':
      return (
        <>
          <Field label="Recipients · 받는 사람" hint="Email addresses, separated by commas. · 쉼표로 구분합니다.">
            <ListInput values={result.to} invalid={invalid('to')} placeholder="ops@example.com" onChange={(to) => patch<'forwardEmail'>({ to })} />
          </Field>
          <label className="check-row">
            <input type="checkbox" checked={result.thenComplete} onChange={(event) => patch<'forwardEmail'>({ thenComplete: event.target.checked })} />
            Then complete the ticket · 전달 후 완료 처리
          </label>
        </>
      );
    case 'callbackUrl':
      return (
        <>
          <Field label="URL" hint="Called with HTTP POST. · HTTP POST로 호출합니다.">
            <input type="url" aria-invalid={invalid('url')} value={result.url} onChange={(event) => patch<'callbackUrl'>({ url: event.target.value.trim() })} />
          </Field>
          <Field label="JSON payload · 전송 내용" hint="JSON with substitution codes inside strings. · 문자열 안에 치환코드를 쓸 수 있습니다.">
            <textarea className="mono" rows={6} aria-invalid={invalid('payloadTemplate')} value={result.payloadTemplate} onChange={(event) => patch<'callbackUrl'>({ payloadTemplate: event.target.value })} />
          </Field>
          <SubstitutionCodes />
        </>
      );
    case 'doorayNotify':
      return (
        <>
          <Field label="Messenger hook URL · 메신저 훅 URL">
            <input type="url" aria-invalid={invalid('hookUrl')} value={result.hookUrl} onChange={(event) => patch<'doorayNotify'>({ hookUrl: event.target.value.trim() })} />
          </Field>
          <Field label="Message · 메시지">
            <textarea rows={4} aria-invalid={invalid('template')} value={result.template} onChange={(event) => patch<'doorayNotify'>({ template: event.target.value })} />
          </Field>
          <SubstitutionCodes />
        </>
      );
  }
}

function AssignForm({ result, patch, invalid }: { result: ResultOf<'assign'>; patch: Change<'assign'>; invalid: Invalid }) {
  const { t, other } = useLang();
  const members = useAssignableAgents(result.groupId || undefined);
  return (
    <>
      <Field label="Group · 그룹">
        <GroupSelect
          value={result.groupId}
          invalid={invalid('groupId')}
          onChange={(groupId) => {
            // An agent outside the new group could never be assigned there; the admin picks again.
            const keep = result.agentId && members?.some((agent) => agent.id === result.agentId);
            patch({ groupId, agentId: keep ? result.agentId : undefined });
          }}
        />
      </Field>
      <Field label="How · 배분 방식" hint="When several triggers assign, the last one applied wins. · 여러 트리거가 배정하면 마지막 배정이 적용됩니다.">
        <select
          value={result.strategy}
          onChange={(event) => {
            const strategy = event.target.value as ResultOf<'assign'>['strategy'];
            patch({ strategy, agentId: strategy === 'agent' ? result.agentId : undefined });
          }}
        >
          {(Object.keys(ASSIGN_STRATEGY_LABELS) as ResultOf<'assign'>['strategy'][]).map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(ASSIGN_STRATEGY_LABELS[strategy])} · {other(ASSIGN_STRATEGY_LABELS[strategy])}
            </option>
          ))}
        </select>
      </Field>
      {result.strategy === 'agent' && (
        <Field label="Agent · 상담원">
          <AgentSelect groupId={result.groupId || undefined} value={result.agentId ?? ''} invalid={invalid('agentId')} onChange={(agentId) => patch({ agentId: agentId || undefined })} />
        </Field>
      )}
    </>
  );
}

function PriorityForm({ result, patch }: { result: ResultOf<'setPriority'>; patch: Change<'setPriority'> }) {
  const { t, other } = useLang();
  const id = useId();
  return (
    <div className="field">
      <span className="field-label" id={id}>
        Priority · 우선순위
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={id}>
        {[...PRIORITIES].reverse().map((priority) => (
          <button key={priority} type="button" role="radio" aria-checked={result.priority === priority} aria-pressed={result.priority === priority} title={other(PRIORITY_LABELS[priority])} onClick={() => patch({ priority })}>
            {t(PRIORITY_LABELS[priority])}
          </button>
        ))}
      </div>
    </div>
  );
}

const FORM_LANGUAGES = Object.keys(MESSAGE_LANGUAGE_LABELS) as (keyof typeof MESSAGE_LANGUAGE_LABELS)[];

function NotifyForm({ result, patch, invalid }: { result: ResultOf<'notifyEmail'>; patch: Change<'notifyEmail'>; invalid: Invalid }) {
  const { t, other } = useLang();
  // Languages beyond the form's two (a trigger saved through the API with zh-TW, say) stay editable.
  const languages = [...FORM_LANGUAGES, ...Object.keys(result.messages).filter((language) => !(FORM_LANGUAGES as string[]).includes(language))];
  const setMessage = (language: string, message: { subject: string; body: string } | null) => {
    const messages = { ...result.messages };
    if (message) messages[language] = message;
    else delete messages[language];
    patch({ messages });
  };
  return (
    <>
      <Field label="Send to · 받는 사람">
        <select value={result.to} onChange={(event) => patch({ to: event.target.value as ResultOf<'notifyEmail'>['to'] })}>
          {(Object.keys(NOTIFY_RECIPIENT_LABELS) as ResultOf<'notifyEmail'>['to'][]).map((to) => (
            <option key={to} value={to}>
              {t(NOTIFY_RECIPIENT_LABELS[to])} · {other(NOTIFY_RECIPIENT_LABELS[to])}
            </option>
          ))}
        </select>
      </Field>
      {invalid('messages') && !Object.keys(result.messages).length && <p className="field-error">Write the message in at least one language. · 한 가지 이상의 언어로 작성하세요.</p>}
      {languages.map((language) => {
        const message = result.messages[language];
        const name = language in MESSAGE_LANGUAGE_LABELS ? MESSAGE_LANGUAGE_LABELS[language as keyof typeof MESSAGE_LANGUAGE_LABELS] : { en: language, ko: language };
        return (
          <fieldset key={language} className="fieldset">
            <legend className="field-label">
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={message !== undefined}
                  onChange={(event) => setMessage(language, event.target.checked ? { subject: '[#{ticket.id}] #{ticket.subject}', body: '' } : null)}
                />
                {t(name)} · {other(name)} <span className="mono muted">{language}</span>
              </label>
            </legend>
            {message && (
              <>
                <Field label="Subject · 제목">
                  <input aria-invalid={invalid('messages', language, 'subject')} value={message.subject} onChange={(event) => setMessage(language, { ...message, subject: event.target.value })} />
                </Field>
                <Field label="Body · 본문">
                  <textarea rows={4} aria-invalid={invalid('messages', language, 'body')} value={message.body} onChange={(event) => setMessage(language, { ...message, body: event.target.value })} />
                </Field>
              </>
            )}
          </fieldset>
        );
      })}
      <span className="field-hint">Sent alone, without the service mail layout, in the customer's help-centre language. · 고객센터 언어로 단독 발송됩니다.</span>
      <SubstitutionCodes />
    </>
  );
}

function SubstitutionCodes() {
  return (
    <details className="codes">
      <summary>Substitution codes · 치환코드</summary>
      <div className="code-list">
        {SUBSTITUTION_CODES.map((code) => (
          <code key={code}>{`#{${code}}`}</code>
        ))}
        <code>{'#{customerField.<code>}'}</code>
      </div>
    </details>
  );
}
