// `npm test`'s builds of the example apps: `node scripts/build-example.mjs <app>`, with <app> one
// of sveltekit, nextjs or nextjs-classic-fixture. The first two are then started against a
// PocketBase of their own by tests/examples-*.spec.ts; the fixture only has to build.
import { buildExample } from './example-process.mjs';

const app = process.argv[2];
if (app !== 'sveltekit' && app !== 'nextjs' && app !== 'nextjs-classic-fixture') {
	throw new Error(`Usage: node scripts/build-example.mjs sveltekit|nextjs|nextjs-classic-fixture`);
}
console.log(`${app} build: ${(await buildExample(app)).toFixed(1)} s`);
