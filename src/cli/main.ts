import { parseArgs } from 'node:util';
import { ConfigError } from '../kernel/config.js';
import { MigrationError } from '../kernel/db/migrator.js';
import { COMMANDS } from './commands.js';

const HELP = `kith — run customer communities

Usage: kith <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "kith <command> --help" for a command's options. Settings come from the environment
(see "kith config").`;

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`kith: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`kith ${name} — ${cmd.summary}\n\n${cmd.usage}`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`kith ${name}: ${(e as Error).message}\n\n${cmd.usage}`);
    return 2;
  }
  return cmd.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number' && code !== 0) process.exitCode = code;
  },
  (err) => {
    if (
      err instanceof ConfigError ||
      err instanceof MigrationError ||
      err?.name === 'DataDirBusyError' ||
      err?.name === 'StartError'
    )
      console.error(err.message);
    else if (err?.name === 'KithError') console.error(`kith: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  },
);
