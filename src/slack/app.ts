import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackDeps } from './deps.js';
import { healthRoute, metricsRoute, type SlackConnection } from './health.js';
import { registerListeners } from './listeners/index.js';
import { dedupeEventRetries } from './middleware/dedupe-event-retries.js';
import { ignoreBotMessages } from './middleware/ignore-bot-messages.js';
import { acknowledgeSlashCommandsFirst } from './slash-command-ack.js';
import { followSocketConnection } from './socket-connection.js';
import { INTERACTIVE_CLIENT_OPTIONS } from './web-client.js';

const EVENTS_PATH = '/slack/events';

export interface SlackApp {
  app: App;
  mode: 'http' | 'socket';
  /** Starts receiving; returns the HTTP port in use (for `PORT=0`, the one the OS chose). */
  start(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Builds the Bolt app from config: HTTP receiver by default, Socket Mode when an app token is set. */
export function createSlackApp(config: Config, deps: SlackDeps): SlackApp {
  const { botToken, signingSecret, appToken } = assertSlackTokens(config);
  const logger = boltLogger(deps.logger);
  let slackConnected: SlackConnection = () => undefined;
  const customRoutes = [healthRoute(deps.store, () => slackConnected())];
  if (deps.metrics) customRoutes.push(metricsRoute(deps.metrics.registry));
  const clientOptions = { ...INTERACTIVE_CLIENT_OPTIONS, slackApiUrl: config.slack.apiUrl };

  let httpReceiver: HTTPReceiver | undefined;
  let app: App;
  if (appToken) {
    const receiver = new SocketModeReceiver({
      appToken,
      logger,
      customRoutes,
      installerOptions: { port: config.slack.port, clientOptions },
    });
    slackConnected = followSocketConnection(receiver);
    app = new App({ token: botToken, receiver, logger, clientOptions });
  } else {
    httpReceiver = new HTTPReceiver({
      signingSecret: signingSecret as string,
      endpoints: EVENTS_PATH,
      customRoutes,
      logger,
      processBeforeResponse: false,
    });
    app = new App({ token: botToken, receiver: httpReceiver, logger, clientOptions });
    acknowledgeSlashCommandsFirst(httpReceiver, app, {
      signingSecret: signingSecret as string,
      logger: deps.logger,
      path: EVENTS_PATH,
      onAck: deps.metrics
        ? (seconds) => deps.metrics?.ackSeconds.observe({ surface: 'http' }, seconds)
        : undefined,
    });
  }

  app.use(dedupeEventRetries(deps.store));
  app.use(ignoreBotMessages);
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  return {
    app,
    mode: appToken ? 'socket' : 'http',
    async start() {
      if (!httpReceiver) {
        await app.start();
        return config.slack.port;
      }
      const server = await httpReceiver.start(config.slack.port);
      const address = server.address();
      return typeof address === 'object' && address ? address.port : config.slack.port;
    },
    async stop() {
      await app.stop();
    },
  };
}

/** Throws a ConfigError naming each missing token; `src/index.ts` calls it before opening anything. */
export function assertSlackTokens(config: Config) {
  const { botToken, signingSecret, appToken } = config.slack;
  const missing: string[] = [];
  if (!botToken) missing.push('SLACK_BOT_TOKEN (xoxb-…, from OAuth & Permissions)');
  if (!appToken && !signingSecret) {
    missing.push(
      'SLACK_SIGNING_SECRET (Basic Information) for HTTP, or SLACK_APP_TOKEN (xapp-…) for Socket Mode',
    );
  }
  if (missing.length > 0 || !botToken) {
    throw new ConfigError(
      `Cannot start the Slack app; set ${missing.join(' and ')}. See docs/slack-setup.md.`,
    );
  }
  return { botToken, signingSecret, appToken };
}
