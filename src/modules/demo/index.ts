/** The demo community: a generated consumer brand loaded through the real services. */
export { loadDemo, DEMO_SOURCE, DEMO_OWNER_EMAIL, type DemoLoadResult } from './demo-loader.js';
export { analyzeAll, workspaceHasMembers } from './demo.repo.js';
export { generateDemo, DEMO_DEFAULTS, type DemoData, type DemoOptions } from './generator/index.js';
