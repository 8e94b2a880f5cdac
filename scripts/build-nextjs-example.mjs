// `npm test`'s build of the Next.js example (examples/nextjs/.next), which
// tests/examples-nextjs.spec.ts serves with `next start` against a PocketBase of its own.
import { buildExample } from './example-process.mjs';

console.log(`next build: ${(await buildExample('nextjs')).toFixed(1)} s`);
