import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, baseServiceEnv, defineConfig, envBool } from './index';

const FraudEnv = baseServiceEnv({ port: 3004 }).extend({
  MODEL: z.string().default('models/fraud'),
  ALLOW_REMOTE_MODELS: envBool().default(false),
});

describe('defineConfig', () => {
  it('applies defaults, treating empty variables as unset', () => {
    const config = defineConfig(FraudEnv, { PORT: '', UNRELATED: 'x' });
    expect(config).toMatchObject({
      PORT: 3004,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      BODY_LIMIT: 1_048_576,
      MAX_BATCH_SIZE: 16,
      MODEL: 'models/fraud',
      ALLOW_REMOTE_MODELS: false,
    });
    expect(config).not.toHaveProperty('UNRELATED');
  });

  it('parses integers, sizes, levels and flags', () => {
    const config = defineConfig(FraudEnv, {
      PORT: ' 0 ',
      BODY_LIMIT: '10mb',
      LOG_LEVEL: 'silent',
      ALLOW_REMOTE_MODELS: 'Yes',
      MAX_BATCH_DELAY_MS: '0',
    });
    expect(config).toMatchObject({ PORT: 0, BODY_LIMIT: 10 * 2 ** 20, LOG_LEVEL: 'silent', ALLOW_REMOTE_MODELS: true, MAX_BATCH_DELAY_MS: 0 });
  });

  it('names each bad variable and the problem', () => {
    expect(() => defineConfig(FraudEnv, { PORT: 'abc' })).toThrow(
      new ConfigError(['PORT must be an integer 0-65535 (got "abc")']),
    );
    try {
      defineConfig(FraudEnv, { PORT: '70000', LOG_LEVEL: 'loud', BODY_LIMIT: '3 parsecs', ALLOW_REMOTE_MODELS: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(
        'Invalid environment: PORT must be an integer 0-65535 (got "70000"); ' +
          'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud"); ' +
          'BODY_LIMIT must be a byte size such as 1048576, 512kb or 10mb (got "3 parsecs"); ' +
          'ALLOW_REMOTE_MODELS must be a boolean (1/0, true/false, yes/no, on/off) (got "maybe")',
      );
    }
  });

  it('reports a missing required variable and plain zod messages', () => {
    const schema = z.object({ MODEL: z.string(), MODEL_URL: z.url().optional() });
    expect(() => defineConfig(schema, { MODEL_URL: 'not a url' })).toThrow(
      'Invalid environment: MODEL is required; MODEL_URL: Invalid URL (got "not a url")',
    );
  });
});
