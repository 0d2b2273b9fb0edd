import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../kernel/config.js';
import { systemActor } from '../kernel/context.js';
import { createKith } from '../app.js';
import {
  IMPORT_EXIT_CODES,
  IMPORT_KINDS,
  rejectionsCsv,
  type ImportKind,
  type ImportOptions,
} from '../modules/activity/index.js';
import { progressBar } from './progress.js';
import type { Command } from './commands.js';

/** `text` after `lead`, wrapped at 100 columns under its own first column. */
function wrap(lead: string, text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && lead.length + line.length + 1 + word.length > 100) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? lead : ' '.repeat(lead.length)) + l).join('\n');
}

/** Completed with rejected lines (see IMPORT_EXIT_CODES). */
const EXIT_REJECTED_LINES = 3;

export const importCommand: Command = {
  summary: 'Import members, orders or a chat history from a file',
  usage: `kith import members|orders|chat FILE [options]

  --map "表头=field,..."   map file headers to fields (e.g. "手机=phone,会员号=identity:other")
  --time-zone ZONE         zone of times written without one (default: KITH_TIME_ZONE)
  --keep-unmapped          members: keep unrecognised columns as custom attributes
  --only-existing          members: refuse rows naming a community or tag that does not exist (reported),
                           instead of creating it
  --source NAME            orders: the shop or system the orders come from (default orders-import)
  --community ID           chat: put every message in this community
  --group NAME             chat: conversation name when the file names none
  --self-name NAME         chat (WeChat CSV): name of the exporting account
  --report FILE            write every rejected line with its reason to FILE (CSV)

Importing the same file again writes nothing new; an interrupted import resumes where it stopped.
The file is copied into the uploads folder as it is read (at most KITH_IMPORT_MAX_MB) and kept
until the import ends, so an import cut short resumes at the next \`kith start\`.
Formats: see docs/import-formats.md.

Exit codes:
${IMPORT_EXIT_CODES.map((e) => wrap(`  ${e.code}  `, e.meaning)).join('\n')}`,
  options: {
    map: { type: 'string' },
    'time-zone': { type: 'string' },
    'keep-unmapped': { type: 'boolean' },
    'only-existing': { type: 'boolean' },
    source: { type: 'string' },
    community: { type: 'string' },
    group: { type: 'string' },
    'self-name': { type: 'string' },
    report: { type: 'string' },
  },
  async run(values, positionals) {
    const [kind, file] = positionals;
    if (!kind || !IMPORT_KINDS.includes(kind as ImportKind) || !file) {
      console.error(this.usage);
      return 2;
    }
    if (!fs.existsSync(file)) {
      console.error(`kith import: no such file ${file}`);
      return 2;
    }
    const options: ImportOptions = {};
    if (values.map) {
      const mapping: Record<string, string> = {};
      for (const pair of String(values.map).split(',')) {
        const [h, f] = pair.split('=');
        if (!h || !f) {
          console.error(`--map: "${pair}" is not header=field`);
          return 2;
        }
        mapping[h.trim()] = f.trim();
      }
      options.mapping = mapping;
    }
    if (values['time-zone']) options.timeZone = String(values['time-zone']);
    if (values['keep-unmapped']) options.keepUnmapped = true;
    if (values['only-existing']) options.onlyExisting = true;
    if (values.source) options.source = String(values.source);
    if (values.community) options.communityId = Number(values.community);
    if (values.group) options.group = String(values.group);
    if (values['self-name']) options.selfName = String(values['self-name']);

    const config = loadConfig(process.env, { jobsEnabled: false });
    const kith = await createKith({ config });
    try {
      const bar = progressBar(`${kind} ${path.basename(file)}`);
      const report = await kith.imports.run(
        { actor: systemActor(`cli:${process.env.USER ?? 'import'}`), requestId: null },
        kind as ImportKind,
        path.basename(file),
        fs.createReadStream(file),
        options,
        (p) => bar.update(p),
      );
      bar.done();
      if (report.alreadyImported)
        console.log(
          `This file was imported already (import #${report.id}, ${report.finishedAt}); nothing was written again.`,
        );
      console.log(
        `Import #${report.id} (${report.format}) ${report.status}: ${report.totalRows} rows — ${report.createdRows} created, ${report.updatedRows} updated, ${report.duplicateRows} already known, ${report.skippedRows} skipped, ${report.rejectedRows} rejected.`,
      );
      const rejections = report.rejectedRows ? await kith.imports.rejections(report.id) : [];
      for (const r of rejections.slice(0, 20)) console.log(`  line ${r.line}: ${r.reason}`);
      if (rejections.length > 20)
        console.log(
          `  … and ${rejections.length - 20} more${values.report ? '' : ' (use --report FILE to save them all)'}`,
        );
      if (values.report) {
        fs.writeFileSync(String(values.report), rejectionsCsv(rejections));
        console.log(`Rejected lines written to ${values.report}`);
      }
      return report.rejectedRows ? EXIT_REJECTED_LINES : 0;
    } finally {
      await kith.close();
    }
  },
};
