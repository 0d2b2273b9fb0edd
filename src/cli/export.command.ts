import fs from 'node:fs';
import { once } from 'node:events';
import { loadConfig } from '../kernel/config.js';
import { systemActor } from '../kernel/context.js';
import { createKith } from '../app.js';
import type { Command } from './commands.js';

export const exportCommand: Command = {
  summary: 'Export members as CSV (UTF-8 with BOM, opens in Excel)',
  usage: `kith export members [--out FILE] [--q TEXT] [--community ID] [--stage STAGE] [--channel CHANNEL]
                    [--created-from DATE] [--created-to DATE]

Writes to FILE, or to standard output. The same filters as the member list; streamed, so any size
of membership exports in constant memory. Every export is recorded in the audit log.`,
  options: {
    out: { type: 'string' },
    q: { type: 'string' },
    community: { type: 'string' },
    stage: { type: 'string' },
    channel: { type: 'string' },
    'created-from': { type: 'string' },
    'created-to': { type: 'string' },
  },
  async run(values, positionals) {
    if (positionals[0] !== 'members') {
      console.error(this.usage);
      return 2;
    }
    const config = loadConfig(process.env, { jobsEnabled: false, logLevel: 'warn' });
    const kith = await createKith({ config });
    const out = values.out ? fs.createWriteStream(String(values.out)) : process.stdout;
    let rows = -1;
    try {
      const csv = kith.members.exportCsv(
        { actor: systemActor(`cli:${process.env.USER ?? 'export'}`), requestId: null },
        {
          q: values.q as string | undefined,
          communityId: values.community ? Number(values.community) : undefined,
          lifecycleStages: values.stage ? [String(values.stage)] : undefined,
          channel: values.channel as string | undefined,
          createdFrom: values['created-from'] as string | undefined,
          createdTo: values['created-to'] as string | undefined,
        },
      );
      for await (const chunk of csv) {
        rows += chunk.split('\n').length - 1;
        if (!out.write(chunk)) await once(out, 'drain');
      }
      if (values.out) {
        out.end();
        await once(out, 'finish');
        console.error(`Exported ${Math.max(0, rows)} members to ${values.out}`);
      }
    } finally {
      await kith.close();
    }
  },
};
