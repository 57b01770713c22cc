/** Spinners, skeletons, empty states and inline error banners. */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { errorMessage, issueMessage, useI18n } from '../i18n';
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

/**
 * An API refusal or failure as a sentence in the reader's language (i18n/errors.ts), with the refused values'
 * issues listed when there are several. The stable code stays out of sight, in `data-code`, for support.
 */
export function ErrorBanner({ error, onDismiss }: { error: unknown; onDismiss?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : undefined;
  const issues = error instanceof ApiError ? issueCodes(error.details) : [];
  const sentences = [...new Set(issues.map((issue) => issueMessage(t, issue)))];
  return (
    <div className="error-banner" role="alert" data-code={code}>
      <Icon name="alert" size={16} />
      <div className="error-text">
        <span>{errorMessage(t, error)}</span>
        {sentences.length > 1 && (
          <ul className="error-issues">
            {sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button small" onClick={onDismiss} aria-label={t('common.action.dismiss')}>
          <Icon name="x" size={14} />
        </button>
      )}
    </div>
  );
}

/** The codes of validation issues (`details.issues[].code`); a 400's zod codes come without their `shape.` prefix. */
function issueCodes(details: unknown): string[] {
  if (!details || typeof details !== 'object' || !('issues' in details) || !Array.isArray(details.issues)) return [];
  return details.issues.map((issue: unknown) => {
    const code = (issue as { code?: unknown } | null)?.code;
    if (typeof code !== 'string') return 'issue';
    return code.includes('.') ? code : `shape.${code}`;
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
