import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MultipartFile } from '@fastify/multipart';
import { Type } from 'typebox';
import { IdParam } from '../../../http/schemas.js';
import { KithError } from '../../../kernel/errors.js';
import { findUnstorable, slashPath } from '../../../kernel/input-safety.js';
import { rejectionsCsv, type ImportOptions, type ImportService } from './import.service.js';

const KindParam = Type.Object({
  kind: Type.Union([Type.Literal('members'), Type.Literal('orders'), Type.Literal('chat')]),
});
/** Refused lines with their reasons: English text, and codes the console words. */
const RejectedLines = Type.Array(
  Type.Object({
    line: Type.Integer(),
    reason: Type.String(),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          column: Type.Optional(Type.String()),
          value: Type.Optional(Type.String()),
          code: Type.String({ description: 'web/shared/problems.ts' }),
          params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
        }),
        {
          description:
            'The reasons as codes, with the column and value each concerns (present when every reason has a code)',
        },
      ),
    ),
  }),
);

const ReportSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  format: Type.String(),
  fileName: Type.String(),
  status: Type.Union(
    [Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed'), Type.Literal('interrupted')],
    {
      description:
        'interrupted: the process running it stopped and the stored file was gone; uploading the same file with the same options resumes it',
    },
  ),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  createdRows: Type.Integer(),
  updatedRows: Type.Integer(),
  duplicateRows: Type.Integer(),
  rejectedRows: Type.Integer(),
  skippedRows: Type.Integer(),
  alreadyImported: Type.Boolean(),
  rejections: RejectedLines,
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
const PreviewSchema = Type.Object({
  format: Type.String(),
  encoding: Type.Union(
    [Type.Literal('utf-8'), Type.Literal('utf-8-bom'), Type.Literal('utf-16le'), Type.Literal('gb18030'), Type.Null()],
    {
      description: 'Text encoding the file was read as (gb18030 covers GBK); null for an Excel workbook',
    },
  ),
  rows: Type.Integer(),
  skipped: Type.Integer(),
  rejected: RejectedLines,
  sample: Type.Array(Type.Unknown()),
  wouldCreate: Type.Optional(
    Type.Object(
      {
        communities: Type.Array(Type.Object({ name: Type.String(), rows: Type.Integer() })),
        tags: Type.Array(Type.Object({ name: Type.String(), rows: Type.Integer() })),
      },
      {
        description:
          'Members: community and tag names the rows use that do not exist yet (with how many rows use each) — what importing would create. Start the import with onlyExisting: true to refuse those rows instead.',
      },
    ),
  ),
  columns: Type.Optional(
    Type.Array(
      Type.Object({
        header: Type.String(),
        field: Type.Union([Type.String(), Type.Null()], {
          description: 'Field the column is read as (phone, identity:qq, attr:<header>); null = not imported',
        }),
        examples: Type.Array(Type.String(), { description: 'The first few values of the column' }),
      }),
      { description: 'Members and orders: each header and how it is mapped' },
    ),
  ),
  missing: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'Required fields (or "one of a, b" groups) no column maps to; rows are not read until they are mapped',
    }),
  ),
  fields: Type.Optional(
    Type.Array(
      Type.Object({ field: Type.String(), required: Type.Boolean(), oneOf: Type.Union([Type.String(), Type.Null()]) }),
      { description: 'Fields a column may be mapped to' },
    ),
  ),
});
const uploadDoc =
  'multipart/form-data with an optional `options` part holding JSON: { mapping?: { header: field }, timeZone?, keepUnmapped?, onlyExisting? (members), source? (orders), communityId?, group?, selfName? (chat) }, then a `file` part (CSV, XLSX, or a chat export). A file larger than KITH_IMPORT_MAX_MB (default 200 MB) answers 413. A file Kith cannot read (a sheet with more than 200 columns, a record longer than 1 MiB characters, an .xlsx workbook over 20 MB, an unknown format) answers 400 to a preview; an import started on it answers 202 and ends `failed` with the same reason.';

/**
 * Takes the upload apart: the `options` part (JSON, sent before the file) and the file, streamed
 * into the upload store as it arrives, never held whole in memory. A file past the size limit is
 * refused (413) as soon as it is.
 */
async function readUpload(
  req: {
    file: (o?: { limits?: { fileSize?: number } }) => Promise<MultipartFile | undefined>;
    isMultipart: () => boolean;
  },
  imports: ImportService,
) {
  if (!req.isMultipart())
    throw new KithError('UNSUPPORTED_FORMAT', 'Upload the file as multipart/form-data with a part named "file"');
  const file = await req.file({ limits: { fileSize: imports.uploads.maxBytes } });
  if (!file || file.fieldname !== 'file')
    throw new KithError('VALIDATION_FAILED', 'file: the upload needs a part named "file"', {
      fields: [{ path: 'file', message: 'is required' }],
    });
  let options: ImportOptions = {};
  const raw = (file.fields.options as { value?: unknown } | undefined)?.value;
  try {
    if (raw !== undefined) {
      try {
        options = JSON.parse(String(raw));
      } catch {
        throw new KithError('VALIDATION_FAILED', 'options: must be JSON', {
          fields: [{ path: 'options', message: 'must be JSON' }],
        });
      }
      if (!options || typeof options !== 'object' || Array.isArray(options))
        throw new KithError('VALIDATION_FAILED', 'options: must be a JSON object', {
          fields: [{ path: 'options', message: 'must be an object' }],
        });
    }
  } catch (e) {
    file.file.resume(); // let the rest of the body flow past
    throw e;
  }
  // A multipart upload is not a JSON body, so the HTTP input guard does not see these: the same
  // rule applies here. (Cells of the file itself are checked row by row by the importers.)
  const bad = findUnstorable({ options, fileName: file.filename });
  if (bad) {
    file.file.resume();
    const path = bad.path[0] === 'fileName' ? 'file/filename' : slashPath('', bad.path);
    throw new KithError('VALIDATION_FAILED', `${path}: ${bad.problem}`, { fields: [{ path, message: bad.problem }] });
  }
  const stored = await imports.uploads.receive(file.file, file.filename || 'upload', {
    truncated: () => file.file.truncated,
  });
  return { file: stored, options };
}

export function importRoutes(imports: ImportService): FastifyPluginAsyncTypebox {
  return async (app) => {
    const tags = ['imports'];

    app.post(
      '/imports/:kind/preview',
      {
        config: { access: 'imports:write' },
        schema: {
          tags,
          summary:
            'Read an import file without writing anything: format, column mapping, rows, rejected lines and a sample',
          description: uploadDoc,
          params: KindParam,
          consumes: ['multipart/form-data'],
          response: { 200: PreviewSchema },
        },
      },
      async (req) => {
        const u = await readUpload(req, imports);
        return imports.preview(req.params.kind, u.file, u.options, req.ctx);
      },
    );

    app.post(
      '/imports/:kind',
      {
        config: { access: 'imports:write' },
        schema: {
          tags,
          summary: 'Start an import; poll GET /imports/{id} for progress and the report',
          description: `${uploadDoc}. Importing the same file with the same options again writes nothing; a stopped import resumes.`,
          params: KindParam,
          consumes: ['multipart/form-data'],
          response: { 202: Type.Object({ id: Type.Integer(), alreadyImported: Type.Boolean() }) },
        },
      },
      async (req, reply) => {
        const u = await readUpload(req, imports);
        const started = await imports.start(req.ctx, req.params.kind, u.file, u.options);
        started.finished.catch((err) => req.log.error({ err, importId: started.id }, 'import failed'));
        reply.status(202);
        return { id: started.id, alreadyImported: started.alreadyImported };
      },
    );

    app.get(
      '/imports',
      {
        config: { access: 'imports:write' },
        schema: {
          tags,
          summary: 'Recent imports with their reports',
          response: { 200: Type.Object({ items: Type.Array(ReportSchema) }) },
        },
      },
      async () => ({ items: await imports.list() }),
    );

    app.get(
      '/imports/:id',
      {
        config: { access: 'imports:write' },
        schema: {
          tags,
          summary: 'Progress and report of one import',
          params: IdParam,
          response: { 200: ReportSchema },
        },
      },
      async (req) => imports.report(req.params.id),
    );

    app.get(
      '/imports/:id/rejections.csv',
      {
        config: { access: 'imports:write' },
        schema: { tags, summary: 'Every rejected line of an import with its reason, as CSV', params: IdParam },
      },
      async (req, reply) => {
        const rows = await imports.rejections(req.params.id);
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="import-${req.params.id}-rejections.csv"`);
        return rejectionsCsv(rows);
      },
    );
  };
}
