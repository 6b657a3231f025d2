// Configuration from the environment (ARCHITECTURE.md 3.1), validated once by main.ts / cli.
import { z } from 'zod';
import { ConfigError } from './errors';

export const DEFAULT_MODELS = {
  chat: 'qwen3:8b',
  vision: 'qwen2.5vl:7b',
  embed: 'bge-m3',
} as const;

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
  AYNI_CHAT_MODEL: z.string().min(1).default(DEFAULT_MODELS.chat),
  AYNI_VISION_MODEL: z.string().min(1).default(DEFAULT_MODELS.vision),
  AYNI_EMBED_MODEL: z.string().min(1).default(DEFAULT_MODELS.embed),
  AYNI_API_TOKEN: z.string().min(1).optional(),
  AYNI_LOG_LEVEL: z
    .enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` })
    .default('info'),
});

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  ollamaHost: string;
  models: { chat: string; vision: string; embed: string };
  apiToken: string | undefined;
  logLevel: (typeof logLevels)[number];
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
  return {
    host: value.AYNI_HOST,
    port: value.AYNI_PORT,
    dataDir: value.AYNI_DATA_DIR,
    ollamaHost: value.OLLAMA_HOST.replace(/\/+$/, ''),
    models: {
      chat: value.AYNI_CHAT_MODEL,
      vision: value.AYNI_VISION_MODEL,
      embed: value.AYNI_EMBED_MODEL,
    },
    apiToken: value.AYNI_API_TOKEN,
    logLevel: value.AYNI_LOG_LEVEL,
  };
}
