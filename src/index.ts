import { ConfigError, loadConfig } from './config';
import { createApp } from './app/create';

/** Production/dev entry point: `node dist/src/index.js`. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = createApp(config);
  await app.start();
  const shutdown = (signal: string): void => {
    app.services.log.info({ signal }, 'shutting down');
    app.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('SLT-boten failed to start:', err);
  process.exit(1);
});
