/**
 * Bearer tokens: login sessions (`cfs_…`) and API-client tokens (`cfa_…`). Only their SHA-256 is stored.
 */
import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'session' | 'api';
const PREFIX: Record<TokenKind, string> = { session: 'cfs_', api: 'cfa_' };

export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(PREFIX.session)) return 'session';
  if (token.startsWith(PREFIX.api)) return 'api';
  return null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
