import type { ParseArgsConfig } from 'node:util';
import { startCommand } from './start.command.js';
import { migrateCommand } from './migrate.command.js';
import { userCommand } from './user.command.js';
import { configCommand } from './config.command.js';
import { importCommand } from './import.command.js';
import { demoCommand } from './demo.command.js';
import { exportCommand } from './export.command.js';
import { loyaltyCommand } from './loyalty.command.js';
import { analyticsCommand } from './analytics.command.js';
import { backupCommand, restoreCommand } from './backup.command.js';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number | void>;
}

export const COMMANDS: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  user: userCommand,
  config: configCommand,
  import: importCommand,
  demo: demoCommand,
  export: exportCommand,
  loyalty: loyaltyCommand,
  analytics: analyticsCommand,
  backup: backupCommand,
  restore: restoreCommand,
};
