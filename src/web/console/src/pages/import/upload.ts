import { api, call } from '@shared/api/client';
import type { ImportKind, ImportOptions } from './import-options';

/** The multipart body of an import upload: the options part first, then the file. */
function uploadBody(file: File, options: ImportOptions | undefined): FormData {
  const form = new FormData();
  if (options) form.append('options', JSON.stringify(options));
  form.append('file', file, file.name);
  return form;
}

// The upload routes read multipart bodies, which the OpenAPI document does not describe; the
// typed client sends a FormData body as it is (the browser writes the boundary).

/** Reads the file on the server without writing anything. */
export function previewImport(kind: ImportKind, file: File, options: ImportOptions | undefined, signal?: AbortSignal) {
  return call(
    api.POST('/api/v1/imports/{kind}/preview', {
      params: { path: { kind } },
      body: uploadBody(file, options) as never,
      signal,
    }),
  );
}

/** Starts the import; its progress is polled with GET /imports/{id}. */
export function startImport(kind: ImportKind, file: File, options: ImportOptions | undefined) {
  return call(
    api.POST('/api/v1/imports/{kind}', { params: { path: { kind } }, body: uploadBody(file, options) as never }),
  );
}

export const rejectionsCsvUrl = (id: number) => `/api/v1/imports/${id}/rejections.csv`;
