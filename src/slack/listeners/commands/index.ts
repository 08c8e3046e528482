import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { litCommand } from './lit.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command('/lit', litCommand(deps));
}
