import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('defaults to port 3000 on the embedded database in ./.data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, adminApiKey: null, bodyLimitBytes: 5 * 1024 * 1024, logFormat: 'text' });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads a PostgreSQL server URL and keeps memory:// data folders as they are', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).databaseUrl).toBe('postgresql://u@h:5432/db');
    expect(loadConfig({ DATA_DIR: 'memory://' }).dataDir).toBe('memory://');
  });

  it('names every invalid variable at once', () => {
    const env = { PORT: 'eighty', DATABASE_URL: 'mysql://x', ADMIN_API_KEY: 'short', BODY_LIMIT_MB: '0', LOG_FORMAT: 'xml' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      const message = (error as Error).message;
      for (const variable of ['PORT', 'DATABASE_URL', 'ADMIN_API_KEY', 'BODY_LIMIT_MB', 'LOG_FORMAT']) expect(message).toContain(variable);
    }
  });
});
