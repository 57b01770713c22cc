/**
 * Ctrl-C on `npm start` while requests are in flight: every request gets an answer (or, not yet accepted, a
 * closed connection), and the platform stops in order and exits cleanly, without an uncaught error.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ADMIN, preparePlatform, type Platform } from '../support/platform';

let platform: Platform;

beforeAll(async () => {
  platform = await preparePlatform('stop', 'info');
  await platform.start();
}, 180_000);

afterAll(() => platform.dispose());

it('stops cleanly on Ctrl-C with ticket creations in flight', async () => {
  const { call } = platform;
  const { token } = (await call('POST', '/auth/login', undefined, DEMO_ADMIN)).body;
  const serviceId = (await call('GET', '/services', token)).body[0].id;
  const ticket = { serviceId, subject: '중단 중 문의', content: '...', customer: { email: 'stop@example.com' } };

  // Lanes of creations, each sending the next as soon as the last is answered, until Ctrl-C.
  let interrupted = false;
  let inFlight = 0;
  const outcomes: (number | 'connection closed')[] = [];
  let created!: () => void;
  const enoughCreated = new Promise<void>((resolve) => (created = resolve));
  const lane = async () => {
    while (!interrupted) {
      inFlight++;
      try {
        const { status } = await call('POST', '/tickets', token, ticket);
        outcomes.push(status);
        if (outcomes.filter((outcome) => outcome === 201).length >= 5) created();
      } catch {
        // Sent after the server stopped accepting connections.
        outcomes.push('connection closed');
      } finally {
        inFlight--;
      }
    }
  };
  const lanes = Array.from({ length: 8 }, lane);
  await enoughCreated;

  const inFlightAtStop = inFlight;
  interrupted = true;
  const exit = await platform.stop();
  await Promise.all(lanes);

  expect(inFlightAtStop).toBeGreaterThan(0);
  // npm re-raises the SIGINT it got; the platform itself exits 0 after stopping everything in order.
  expect([{ code: 0, signal: null }, { code: null, signal: 'SIGINT' }]).toContainEqual(exit);
  expect(platform.stdout()).toContain('"msg":"stopped"');
  expect(platform.stderr()).not.toMatch(/Uncaught|uncaught|Unhandled|unhandled|Channel has been shut down|TypeError|triggerUncaughtException/);
  // Answered (created, or cancelled while stopping: 503, retry), or never accepted.
  expect(outcomes.filter((outcome) => ![201, 503, 'connection closed'].includes(outcome))).toEqual([]);
}, 240_000);
