/** Editing a result node. The assign result is editable here; other types show their JSON until their forms land. */
import { RESULT_LABELS, STRATEGIES } from './defaults';
import type { Result, ResultNodeData } from './types';

type AssignResult = Extract<Result, { type: 'assign' }>;

export function ResultPanel({ data, onChange }: { data: ResultNodeData; onChange: (data: ResultNodeData) => void }) {
  const { result } = data;
  const setAssign = (patch: Partial<AssignResult>) => result.type === 'assign' && onChange({ ...data, result: { ...result, ...patch } });

  return (
    <div className="stack">
      <p className="panel-kind">
        Result {data.order} · {RESULT_LABELS[result.type]}
      </p>
      {result.type === 'assign' ? (
        <>
          <label className="field">
            <span className="field-label">Group · 그룹</span>
            <input value={result.groupId} onChange={(event) => setAssign({ groupId: event.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Strategy · 배분 방식</span>
            <select value={result.strategy} onChange={(event) => setAssign({ strategy: event.target.value as AssignResult['strategy'] })}>
              {(Object.keys(STRATEGIES) as AssignResult['strategy'][]).map((strategy) => (
                <option key={strategy} value={strategy}>
                  {STRATEGIES[strategy]}
                </option>
              ))}
            </select>
          </label>
          {result.strategy === 'agent' && (
            <label className="field">
              <span className="field-label">Agent · 상담원</span>
              <input value={result.agentId ?? ''} onChange={(event) => setAssign({ agentId: event.target.value || undefined })} />
            </label>
          )}
          <p className="field-hint">When several triggers assign, the last one applied wins.</p>
        </>
      ) : (
        <pre className="json-preview">{JSON.stringify(result, null, 2)}</pre>
      )}
    </div>
  );
}
