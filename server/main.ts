/**
 * `npm start`: opens the database (embedded by default), applies migrations, bootstraps the
 * first admin, optionally loads the demo dataset (`--demo`), and serves HTTP.
 * SIGINT/SIGTERM close HTTP, then the pool, then stop the embedded PostgreSQL cleanly.
 */
import pino from 'pino';
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';
import { openDatabase } from './db/database';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const demo = process.argv.includes('--demo') || process.env.CARPETA_DEMO === '1';

  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    embeddedPort: config.embeddedPort,
    log: (line) => logger.debug(line),
  });
  logger.info(
    { database: database.kind, dataDir: database.kind === 'embedded' ? config.dataDir : undefined },
    'database ready, migrations applied',
  );

  const boot = await bootstrap(database, config);
  if (boot.adminCreated) {
    if (boot.oneTimePassword) {
      // Printed once, on the console only (not through the structured log).
      process.stdout.write(
        `\n  Administrador creado: ${boot.email}\n  Contraseña de un solo uso: ${boot.oneTimePassword}\n  (se pedirá cambiarla al iniciar sesión)\n\n`,
      );
    } else {
      logger.info({ email: boot.email }, 'admin account created from CARPETA_ADMIN_EMAIL / CARPETA_ADMIN_PASSWORD');
    }
  }

  if (demo) {
    const { loadDemo } = await import('../scripts/demo/load-demo');
    await loadDemo(database.db, { log: (m) => logger.info(m) });
  }

  const app = await buildApp({ config, database, logger: { level: config.logLevel } });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await database.close().catch((err) => logger.error({ err }, 'error while closing the database'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  logger.info({ url: `http://localhost:${config.port}`, startupMs: Date.now() - started }, 'Carpeta is ready');
}

main().catch((err) => {
  process.stderr.write(`Carpeta could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
