import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/**
 * The benchmark's baseline: the smallest bot on our stack (restify 11, body parser, CloudAdapter
 * without credentials, ActivityHandler) that answers every message with its text. What it costs
 * is what the framework costs; the ratio of SLT-boten to it is what our own code costs.
 * Run by tests/bench/run.ts as `node dist/tests/bench/echo-bot.js` with PORT set.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Ekko: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const port = Number(process.env.PORT ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-baseline', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
// Readiness only (the bench waits for it); no storage behind it.
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  return next();
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
