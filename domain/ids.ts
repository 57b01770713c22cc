/**
 * Business ids shaped like Online Contact's: a one-letter prefix, the epoch milliseconds, then random
 * letters and digits (`T1603851004648zfnA`, `U1618914603998…`). They double as workflow ids (`ticket-T…`).
 * Web Crypto (a global in Node and browsers) keeps this module free of Node imports.
 */
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function businessId(prefix: string, randomLength = 4): string {
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every character equally likely.
  const chars: string[] = [];
  while (chars.length < randomLength) {
    for (const byte of crypto.getRandomValues(new Uint8Array(randomLength * 2))) {
      if (byte < 248 && chars.length < randomLength) chars.push(ALPHANUMERIC[byte % 62]);
    }
  }
  return `${prefix}${Date.now()}${chars.join('')}`;
}
