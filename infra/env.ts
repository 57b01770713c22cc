/**
 * Contactflow's configuration: every environment variable the project honours, parsed once with zod.
 *
 * Nothing else in the project reads `process.env`; entry points call {@link loadConfig} and pass the result
 * (or the parts they need) down. A bad value stops boot with a {@link ConfigError} that names every bad variable.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseKeyList, type KeyEntry } from './keyring';
import { parseSigningKeyList, type SigningKey } from './signing';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json found above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The folder holding package.json; relative paths in the configuration are resolved against it. */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' });

// host:port, with IPv6 hosts in brackets — the form @temporalio/client's Connection expects.
const temporalAddress = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[^\s:/[\]]+):\d{1,5}$/, 'must be host:port, e.g. temporal.internal:7233');

const toProjectPath = (value: string) => path.resolve(projectRoot, value);

const EnvSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  TEST_DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().default('.data').transform(toProjectPath),
  EMBEDDED_POSTGRES_PORT: port.default(54329),

  TEMPORAL_ADDRESS: temporalAddress.optional(),
  TEST_TEMPORAL_ADDRESS: temporalAddress.optional(),
  TEMPORAL_NAMESPACE: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a Temporal namespace name (letters, digits, . _ -)')
    .default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('contactflow'),
  TEMPORAL_CLI: z.string().transform(toProjectPath).optional(),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_SDK_METRICS_PORT: port.optional(),
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),

  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),

  BOOTSTRAP_ADMIN_EMAIL: z.email('must be an email address').default('admin@contactflow.local'),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('contactflow-admin'),
  BOOTSTRAP_ORG_NAME: z.string().min(1).default('Contactflow'),

  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  MAX_BODY_BYTES: z.coerce.number().int('must be a whole number').positive('must be positive').default(1_048_576),
  SESSION_TTL_HOURS: z.coerce.number().positive('must be a positive number of hours').default(12),

  RULES_EVALUATOR: z.enum(['fast', 'reference'], 'must be fast or reference').default('fast'),
  OUTBOUND_ALLOW_PRIVATE: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
  OUTBOUND_TIMEOUT_MS: z.coerce.number().int('must be a whole number').positive('must be positive').default(10_000),

  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(1).default('Contactflow <support@contactflow.local>'),

  // Bulk jobs (일괄 처리): how many of a job's tickets are sent their command at once.
  BULK_JOB_CONCURRENCY: z.coerce.number().int('must be a whole number').min(1).max(100, 'must be at most 100').default(16),

  // The keyring for data encrypted at rest (infra/keyring.ts).
  FIELD_ENCRYPTION_KEY: z
    .string()
    .transform((value, ctx): KeyEntry[] => {
      try {
        return parseKeyList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be kid:base64key[,kid:base64key…]: ${(error as Error).message}` });
        return z.NEVER;
      }
    })
    .optional(),

  // Transfers (Dooray!).
  DOORAY_DEMO: z
    .enum(['true', 'false'], 'must be true or false')
    .default('false')
    .transform((value) => value === 'true'),
  DOORAY_DEMO_PORT: port.optional(),
  /** How long one Dooray! API call may take before it is retried. */
  DOORAY_TIMEOUT_MS: z.coerce.number().int('must be a whole number').positive('must be positive').default(10_000),

  // Signed callback URLs and signatures of outbound callback requests (infra/signing.ts).
  CALLBACK_SIGNING_KEY: z
    .string()
    .transform((value, ctx): SigningKey[] => {
      try {
        return parseSigningKeyList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `must be kid:base64key[,kid:base64key…]: ${(error as Error).message}` });
        return z.NEVER;
      }
    })
    .optional(),
  /** How long a reply URL handed to an external system stays valid. */
  CALLBACK_URL_TTL_HOURS: z.coerce.number().positive('must be a positive number of hours').default(168),
});

type ParsedEnv = z.infer<typeof EnvSchema>;

/** The parsed configuration. Keys keep their environment variable names so a variable is greppable end to end. */
export type Config = Omit<ParsedEnv, 'PUBLIC_URL' | 'TEMPORAL_UI_URL'> & {
  /** Absolute path of the project root (see {@link projectRoot}). */
  PROJECT_ROOT: string;
  /** Defaults to `http://HOST:PORT`. */
  PUBLIC_URL: string;
  /**
   * The Temporal Web UI the operator console links to: defaults to the dev server's UI when Contactflow starts its
   * own Temporal (no TEMPORAL_ADDRESS); null when unknown.
   */
  TEMPORAL_UI_URL: string | null;
};

/** Values never echoed back in error messages. */
const SECRET_VARIABLES = new Set(['DATABASE_URL', 'TEST_DATABASE_URL', 'BOOTSTRAP_ADMIN_PASSWORD', 'SMTP_URL', 'FIELD_ENCRYPTION_KEY', 'CALLBACK_SIGNING_KEY']);

export interface ConfigIssue {
  variable: string;
  message: string;
}

/**
 * A failure to boot whose message already says what is wrong and what to do (bad configuration, a port taken, a
 * server that would not start); entry points print its message without a stack trace and exit 1.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Thrown when the environment holds invalid values; its message lists every bad variable. */
export class ConfigError extends StartupError {
  override readonly name = 'ConfigError';

  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration:\n${issues.map((issue) => `  - ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
  }
}

/**
 * Parses the configuration from `env` (default `process.env`). Empty strings count as unset, so a blank
 * `DATABASE_URL=` in a `.env` file means "use the embedded PostgreSQL" rather than "invalid URL".
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key]?.trim();
    if (value) input[key] = value;
  }

  const result = EnvSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? '(environment)');
        const shown = SECRET_VARIABLES.has(variable) || !(variable in input) ? '' : ` (got ${JSON.stringify(input[variable])})`;
        return { variable, message: `${issue.message}${shown}` };
      }),
    );
  }

  const parsed = result.data;
  const urlHost = parsed.HOST.includes(':') ? `[${parsed.HOST}]` : parsed.HOST;
  return {
    ...parsed,
    PROJECT_ROOT: projectRoot,
    PUBLIC_URL: (parsed.PUBLIC_URL ?? `http://${urlHost}:${parsed.PORT}`).replace(/\/+$/, ''),
    TEMPORAL_UI_URL:
      parsed.TEMPORAL_UI_URL?.replace(/\/+$/, '') ?? (parsed.TEMPORAL_ADDRESS ? null : `http://127.0.0.1:${parsed.TEMPORAL_UI_PORT}`),
  };
}
