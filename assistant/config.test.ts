import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { MODEL_PROFILES } from './llm/model-profiles';

describe('loadConfig: the model settings', () => {
  it('defaults to the default profile, num_ctx 16384 and keep_alive 30m', () => {
    const config = loadConfig({});
    expect(config.modelProfile).toBe('default');
    expect(config.models).toEqual({ chat: 'qwen3:8b', vision: 'qwen2.5vl:7b', embed: 'bge-m3' });
    expect(config.numCtx).toBe(16384);
    expect(config.keepAlive).toBe('30m');
  });

  it('AYNI_MODEL_PROFILE chooses the models and num_ctx of the profile', () => {
    const small = loadConfig({ AYNI_MODEL_PROFILE: 'small' });
    expect(small.models).toEqual(MODEL_PROFILES.small.models);
    expect(small.numCtx).toBe(MODEL_PROFILES.small.numCtx);
    expect(loadConfig({ AYNI_MODEL_PROFILE: 'large' }).models.chat).toBe('qwen3:32b');
  });

  it('an explicit AYNI_*_MODEL and AYNI_NUM_CTX win over the profile', () => {
    const config = loadConfig({
      AYNI_MODEL_PROFILE: 'small',
      AYNI_CHAT_MODEL: 'llama3.1:8b',
      AYNI_NUM_CTX: '24576',
    });
    expect(config.models).toEqual({ ...MODEL_PROFILES.small.models, chat: 'llama3.1:8b' });
    expect(config.numCtx).toBe(24576);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ AYNI_CHAT_MODEL: '', AYNI_NUM_CTX: '' }).numCtx).toBe(16384);
    expect(loadConfig({ AYNI_CHAT_MODEL: '' }).models.chat).toBe('qwen3:8b');
  });

  it('keeps a Go duration as text and turns whole seconds into a number (Ollama reads both)', () => {
    expect(loadConfig({ AYNI_KEEP_ALIVE: '1h30m' }).keepAlive).toBe('1h30m');
    expect(loadConfig({ AYNI_KEEP_ALIVE: '-1' }).keepAlive).toBe(-1);
    expect(loadConfig({ AYNI_KEEP_ALIVE: '600' }).keepAlive).toBe(600);
  });

  it('rejects bad values naming the variable, the value and the fix', () => {
    expect(() => loadConfig({ AYNI_MODEL_PROFILE: 'huge' })).toThrow(
      'AYNI_MODEL_PROFILE="huge": must be one of small, default, large',
    );
    expect(() => loadConfig({ AYNI_NUM_CTX: '16k' })).toThrow(
      'AYNI_NUM_CTX="16k": must be a whole number of tokens from 512 to 1048576, such as 16384',
    );
    expect(() => loadConfig({ AYNI_NUM_CTX: '100' })).toThrow('AYNI_NUM_CTX="100"');
    expect(() => loadConfig({ AYNI_KEEP_ALIVE: '30 minutes' })).toThrow(
      'AYNI_KEEP_ALIVE="30 minutes": must be a duration such as 30m, 1h or 90s',
    );
  });
});
