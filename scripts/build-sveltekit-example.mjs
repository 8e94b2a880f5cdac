// `npm test`'s build of the SvelteKit example (examples/sveltekit/build), which
// tests/examples-sveltekit.spec.ts starts against a PocketBase of its own.
import { buildExample } from './example-process.mjs';

await buildExample('sveltekit');
