/** Spinners, skeletons, empty states and inline error banners. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { Icon, type IconName } from './icons';

export function Spinner({ size = 16, label }: { size?: number; label?: string }) {
  return (
    <span className="spinner" style={{ width: size, height: size }} role={label ? 'status' : undefined} aria-label={label}>
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function LoadingBlock({ label }: { label: string }) {
  return (
    <div className="loading-block" role="status">
      <Spinner size={20} />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <div className="empty-icon">
        <Icon name={icon} size={22} />
      </div>
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/** An API refusal or failure in the server's own words, with its stable code for support. */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  const issues = error instanceof ApiError ? issuesOf(error.details) : [];
  return (
    <div className="error-banner" role="alert">
      <Icon name="alert" size={16} />
      <div className="error-text">
        <span>{message}</span>
        {issues.length > 1 && (
          <ul className="error-issues">
            {issues.map((issue, index) => (
              <li key={index}>{issue}</li>
            ))}
          </ul>
        )}
        {code && <code className="error-code">{code}</code>}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button small" onClick={onDismiss} aria-label="Dismiss">
          <Icon name="x" size={14} />
        </button>
      )}
    </div>
  );
}

/** Validation issues (`details.issues[]` of a 400) as "path: message" lines. */
function issuesOf(details: unknown): string[] {
  if (!details || typeof details !== 'object' || !('issues' in details) || !Array.isArray(details.issues)) return [];
  return details.issues.map((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    const where = Array.isArray(path) && path.length ? `${path.join('.')}: ` : '';
    return `${where}${typeof message === 'string' ? message : 'invalid'}`;
  });
}

export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className="kbd">{children}</kbd>;
}

export function Avatar({ name, size = 28 }: { name: string; size?: number }) {
  const hue = [...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  const letters = name.trim() ? initialsOf(name) : '?';
  return (
    <span className="avatar" style={{ width: size, height: size, fontSize: size * 0.4, ['--avatar-hue' as string]: hue }} aria-hidden="true">
      {letters}
    </span>
  );
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  if (/^[\u3131-\uD79D]/.test(words[0])) return [...words[0]][0];
  return words.length > 1 ? (words[0][0] + words[1][0]).toUpperCase() : words[0].slice(0, 2).toUpperCase();
}
