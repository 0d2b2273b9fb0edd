import { configTable, loadConfig } from '../kernel/config.js';
import type { Command } from './commands.js';

export const configCommand: Command = {
  summary: 'Check the configuration and print the table of settings',
  usage: 'kith config',
  options: {},
  async run() {
    loadConfig();
    console.log(configTable());
    console.log('\nThe current environment is valid.');
  },
};
