// Configuration from the environment (ARCHITECTURE.md 3.1), validated once by main.ts / cli.
import { z } from 'zod';
import { checkSchedule } from './jobs/schedule';
import { ConfigError } from './errors';
import { MODEL_PROFILE_NAMES, MODEL_PROFILES, type ModelProfileName } from './llm/model-profiles';
import { reportLanguages, type ReportLanguage } from './sop/report-types';

export const DEFAULT_MODELS = MODEL_PROFILES.default.models;

// Go's time.ParseDuration, which Ollama applies to a keep_alive string: "30m", "1h30m", "-1h".
const goDuration = /^-?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const environmentSchema = z.object({
  AYNI_HOST: z.string().min(1).default('127.0.0.1'),
  AYNI_PORT: z.coerce
    .number({ error: 'must be a whole number from 0 to 65535' })
    .int('must be a whole number from 0 to 65535')
    .min(0, 'must be a whole number from 0 to 65535')
    .max(65535, 'must be a whole number from 0 to 65535')
    .default(8787),
  AYNI_DATA_DIR: z.string().min(1).default('./.ayni'),
  OLLAMA_HOST: z
    .string()
    .default('http://127.0.0.1:11434')
    .transform((value) => (/^https?:\/\//.test(value) ? value : `http://${value}`))
    .pipe(z.url({ error: 'must be a URL such as http://127.0.0.1:11434' })),
  AYNI_MODEL_PROFILE: z
    .enum(MODEL_PROFILE_NAMES as [ModelProfileName, ...ModelProfileName[]], {
      error: `must be one of ${MODEL_PROFILE_NAMES.join(', ')}`,
    })
    .default('default'),
  AYNI_CHAT_MODEL: z.string().min(1).optional(),
  AYNI_VISION_MODEL: z.string().min(1).optional(),
  AYNI_EMBED_MODEL: z.string().min(1).optional(),
  AYNI_NUM_CTX: z.coerce
    .number({ error: 'must be a whole number of tokens from 512 to 1048576, such as 16384' })
    .int('must be a whole number of tokens from 512 to 1048576, such as 16384')
    .min(512, 'must be a whole number of tokens from 512 to 1048576, such as 16384')
    .max(1_048_576, 'must be a whole number of tokens from 512 to 1048576, such as 16384')
    .optional(),
  AYNI_KEEP_ALIVE: z
    .string()
    .default('30m')
    .refine((value) => /^-?\d+$/.test(value) || goDuration.test(value), {
      error:
        'must be a duration such as 30m, 1h or 90s, or whole seconds (-1 keeps the model loaded)',
    })
    .transform((value) => (/^-?\d+$/.test(value) ? Number(value) : value)),
  AYNI_API_TOKEN: z.string().min(1).optional(),
  AYNI_LOG_LEVEL: z
    .enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })
    .default('info'),
  AYNI_SCHEDULER: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  AYNI_SUMMARY_CRON: z.string().default('0 6 2 * *'),
  AYNI_NIGHTLY_CRON: z.string().default('30 2 * * *'),
  AYNI_TIMEZONE: z.string().default('America/Lima'),
  AYNI_SUMMARY_LANGUAGE: z
    .enum(reportLanguages, { error: `must be one of ${reportLanguages.join(', ')}` })
    .default('es'),
});

// each schedule setting checked alone, so the error names the variable that is wrong
function scheduleIssue(value: z.output<typeof environmentSchema>) {
  const base = {
    summaryCron: '0 6 2 * *',
    nightlyCron: '30 2 * * *',
    timezone: 'America/Lima',
  };
  const checks = [
    ['AYNI_TIMEZONE', { ...base, timezone: value.AYNI_TIMEZONE }],
    [
      'AYNI_SUMMARY_CRON',
      { ...base, timezone: value.AYNI_TIMEZONE, summaryCron: value.AYNI_SUMMARY_CRON },
    ],
    [
      'AYNI_NIGHTLY_CRON',
      { ...base, timezone: value.AYNI_TIMEZONE, nightlyCron: value.AYNI_NIGHTLY_CRON },
    ],
  ] as const;
  for (const [variable, schedule] of checks) {
    try {
      checkSchedule(schedule);
    } catch (error) {
      return { variable, message: error instanceof Error ? error.message : String(error) };
    }
  }
  return undefined;
}

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  ollamaHost: string;
  /** AYNI_MODEL_PROFILE: the defaults of models and numCtx (model-profiles.ts) */
  modelProfile: ModelProfileName;
  /** each role's model: AYNI_*_MODEL, else the profile's */
  models: { chat: string; vision: string; embed: string };
  /** Ollama's num_ctx for chat: AYNI_NUM_CTX, else the profile's */
  numCtx: number;
  /** Ollama's keep_alive: a Go duration string, or seconds (a whole number) */
  keepAlive: string | number;
  apiToken: string | undefined;
  logLevel: (typeof logLevels)[number];
  /** the job scheduler (assistant/jobs/scheduler.ts): AYNI_SCHEDULER, AYNI_*_CRON, AYNI_TIMEZONE */
  scheduler: {
    enabled: boolean;
    summaryCron: string;
    nightlyCron: string;
    timezone: string;
    /** AYNI_SUMMARY_LANGUAGE: the scheduled monthly summary's language */
    summaryLanguage: ReportLanguage;
  };
}

/** Reads the configuration; a malformed value throws a ConfigError naming variable, value and fix. */
export function loadConfig(environment: Record<string, string | undefined>): AppConfig {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => {
      const value = environment[key];
      return [key, value === '' ? undefined : value];
    }),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(
      `${variable}=${JSON.stringify(environment[variable] ?? '')}: ${issue?.message ?? 'invalid'}`,
      parsed.error.issues,
    );
  }
  const value = parsed.data;
  const schedule = scheduleIssue(value);
  if (schedule !== undefined)
    throw new ConfigError(
      `${schedule.variable}=${JSON.stringify(environment[schedule.variable] ?? '')}: ${schedule.message}`,
    );
  const profile = MODEL_PROFILES[value.AYNI_MODEL_PROFILE];
  return {
    host: value.AYNI_HOST,
    port: value.AYNI_PORT,
    dataDir: value.AYNI_DATA_DIR,
    ollamaHost: value.OLLAMA_HOST.replace(/\/+$/, ''),
    modelProfile: value.AYNI_MODEL_PROFILE,
    models: {
      chat: value.AYNI_CHAT_MODEL ?? profile.models.chat,
      vision: value.AYNI_VISION_MODEL ?? profile.models.vision,
      embed: value.AYNI_EMBED_MODEL ?? profile.models.embed,
    },
    numCtx: value.AYNI_NUM_CTX ?? profile.numCtx,
    keepAlive: value.AYNI_KEEP_ALIVE,
    apiToken: value.AYNI_API_TOKEN,
    logLevel: value.AYNI_LOG_LEVEL,
    scheduler: {
      enabled: value.AYNI_SCHEDULER === 'on',
      summaryCron: value.AYNI_SUMMARY_CRON,
      nightlyCron: value.AYNI_NIGHTLY_CRON,
      timezone: value.AYNI_TIMEZONE,
      summaryLanguage: value.AYNI_SUMMARY_LANGUAGE,
    },
  };
}
