/** The keyring and Dooray call settings the API uses, from the parsed configuration. */
import { createKeyring, type Keyring } from '../../../infra/keyring';
import type { ApiDeps } from '../../context';
import { ApiError } from '../../errors';

const keyrings = new WeakMap<object, Keyring>();

export function keyringOf(deps: ApiDeps): Keyring | null {
  const entries = deps.config.FIELD_ENCRYPTION_KEY;
  if (!entries) return null;
  let keyring = keyrings.get(entries);
  if (!keyring) keyrings.set(entries, (keyring = createKeyring(entries)));
  return keyring;
}

export function requireKeyring(deps: ApiDeps): Keyring {
  const keyring = keyringOf(deps);
  if (!keyring) {
    throw new ApiError(409, 'dooray.not_configured', 'No FIELD_ENCRYPTION_KEY is configured, so Dooray tokens cannot be stored; see README “Transfers”.');
  }
  return keyring;
}

export const doorayDeps = (deps: ApiDeps) => ({
  keyring: keyringOf(deps),
  outbound: { allowPrivate: deps.config.OUTBOUND_ALLOW_PRIVATE, timeoutMs: deps.config.OUTBOUND_TIMEOUT_MS },
  doorayTimeoutMs: deps.config.DOORAY_TIMEOUT_MS,
});
