import crypto from 'node:crypto';
import { loadConfig } from '../kernel/config.js';
import { openDatabase } from '../kernel/db/database.js';
import { migrate } from '../kernel/db/migrator.js';
import { systemClock } from '../kernel/clock.js';
import { ROLES, systemActor, type Role } from '../kernel/context.js';
import { createAccessService } from '../modules/access/index.js';
import type { Command } from './commands.js';

export const userCommand: Command = {
  summary: 'Manage staff accounts: kith user create | list',
  usage: `kith user create --email EMAIL --role ROLE [--name NAME] [--password PASSWORD]
kith user list

Roles: ${ROLES.join(', ')}. Without --password a strong one is generated and printed once.
The password can also come from the KITH_NEW_PASSWORD environment variable.`,
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
  },
  async run(values, positionals) {
    const sub = positionals[0];
    if (sub !== 'create' && sub !== 'list') {
      console.error(this.usage);
      return 2;
    }
    const config = loadConfig();
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await migrate(database);
      const access = createAccessService({ database, clock: systemClock, settings: config });
      if (sub === 'list') {
        for (const s of await access.listStaff())
          console.log(
            `${String(s.id).padStart(4)}  ${s.role.padEnd(18)} ${s.email}${s.disabled_at ? '  (disabled)' : ''}`,
          );
        return 0;
      }
      const email = values.email as string | undefined;
      const role = values.role as Role | undefined;
      if (!email || !role) {
        console.error('kith user create needs --email and --role\n\n' + this.usage);
        return 2;
      }
      if (!ROLES.includes(role)) {
        console.error(`--role must be one of ${ROLES.join(', ')}`);
        return 2;
      }
      const given = (values.password as string | undefined) ?? process.env.KITH_NEW_PASSWORD;
      const password = given ?? crypto.randomBytes(12).toString('base64url');
      const staff = await access.createStaff(
        { actor: systemActor('cli'), requestId: null },
        { email, role, name: (values.name as string | undefined) ?? email.split('@')[0]!, password },
      );
      console.log(`Created ${staff.role} ${staff.email} (id ${staff.id}).`);
      if (!given) console.log(`Password (shown once): ${password}`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
