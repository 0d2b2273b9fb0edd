// Entry of the worker thread that parses whole-file import formats: TypeScript sources run
// through tsx, as in bin/kith.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./whole-file-worker.ts');
