/**
 * Outbound HTTP for callback URLs and Dooray hooks: a private-range policy, a timeout, and a
 * classification of failures into retryable (network, 5xx, 408, 429) and permanent (other 4xx, blocked).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';

export interface OutboundPolicy {
  allowPrivate: boolean;
  timeoutMs: number;
}

const PRIVATE_V4 = [
  [0x0a000000, 8], // 10/8
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0x7f000000, 8], // 127/8
  [0xa9fe0000, 16], // 169.254/16 link-local, cloud metadata
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x00000000, 8], // 0/8
] as const;

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const value = address.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
    return PRIVATE_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
  }
  const lower = address.toLowerCase();
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7));
  return lower === '::1' || lower === '::' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80');
}

/** Refuses, permanently, a URL whose host resolves to a private, loopback or link-local address. */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy): Promise<void> {
  if (policy.allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw ApplicationFailure.nonRetryable(`${host} resolves to the private address ${blocked}`, 'outbound.blocked');
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);

/** POSTs JSON; resolves with the status on 2xx, throws a retryable or permanent failure otherwise. */
export async function postJson(url: string, body: unknown, policy: OutboundPolicy, headers: Record<string, string> = {}): Promise<number> {
  await checkOutboundUrl(url, policy);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Contactflow', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(policy.timeoutMs),
    redirect: 'error',
  });
  await response.body?.cancel();
  if (response.ok) return response.status;
  const message = `${url} answered ${response.status}`;
  if (response.status < 500 && !RETRYABLE_STATUS.has(response.status)) {
    throw ApplicationFailure.nonRetryable(message, 'outbound.rejected', { status: response.status });
  }
  throw new Error(message);
}
