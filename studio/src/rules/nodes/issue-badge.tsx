/** The red count a node wears while issues point at it; the panel lists them. */
export function IssueBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="flow-issues" title={`${count} problem${count === 1 ? '' : 's'} · 문제 ${count}건`} aria-label={`${count} problems`}>
      !{count > 1 ? ` ${count}` : ''}
    </span>
  );
}
