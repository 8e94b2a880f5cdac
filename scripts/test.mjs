// `npm test`: every check, in the order that fails fastest, two lanes at a time where they can
// share the machine (scripts/test-lanes.mjs). Each step must pass.
//   npm test            type check, formatting, lint, unit tests, the examples' type checks (and
//                       the SvelteKit 2 fixture's), build (with link validation), the example
//                       apps' builds, e2e
//   npm run test:e2e    only the build and the e2e tests; extra arguments go to Playwright,
//                       e.g. `npm run test:e2e -- tests/whoami.spec.ts`
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { nextDir, svelteKitDir } from './example-process.mjs';
import { runLanes } from './test-lanes.mjs';
import { freePort, projectRoot } from './pocketbase-process.mjs';

const [only, ...playwrightArgs] = process.argv.slice(2);
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** @param {string} title @param {string[]} args @param {string} [cwd] */
function step(title, args, cwd = projectRoot) {
	const where = cwd === projectRoot ? '' : ` (in ${relative(projectRoot, cwd)})`;
	console.log(`\n▶ ${title}: ${args.join(' ')}${where}`);
	const started = Date.now();
	const result = spawnSync(npx, args, { stdio: 'inherit', env, cwd });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`\n✖ ${title} failed after ${seconds} s.`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${title} (${seconds} s)`);
}

// Both runners also write JSON reports, so the run can end with one plain count of every test.
const reports = mkdtempSync(join(tmpdir(), 'test-reports-'));
const unitReport = join(reports, 'unit.json');
const e2eReport = join(reports, 'e2e.json');

/** @param {string} title @param {string[]} args @param {string} [cwd] @returns {import('./test-lanes.mjs').Step} */
const job = (title, args, cwd = projectRoot) => ({ title, args, cwd });
const lanes = { env, root: projectRoot };

if (only !== 'e2e') {
	const svelteKit2Fixture = join(projectRoot, 'examples', 'sveltekit-2-fixture');
	await runLanes(
		[
			[
				job('Type check', ['astro', 'check', '--minimumSeverity', 'warning']),
				job('Lint', ['eslint', '.']),
			],
			[
				job('Unit tests', [
					'vitest',
					'run',
					'--reporter=default',
					'--reporter=json',
					`--outputFile.json=${unitReport}`,
				]),
				// The example apps' own type checks: the code the pages show must compile as it stands.
				job('SvelteKit example: generated types', ['svelte-kit', 'sync'], svelteKitDir),
				// On the example's TypeScript 6 (scripts/example-typescript.mjs), not the site's 5.9.
				job(
					'SvelteKit example: type check',
					[
						'node',
						'--import',
						join(projectRoot, 'scripts', 'example-typescript.mjs'),
						createRequire(join(svelteKitDir, 'package.json')).resolve(
							'svelte-check/bin/svelte-check'
						),
						'--tsconfig',
						'./tsconfig.json',
						'--fail-on-warnings',
					],
					svelteKitDir
				),
				// The SvelteKit 2 spellings the pages show beside the kit 3 code, against kit 2's types.
				job('SvelteKit 2 fixture: generated types', ['svelte-kit', 'sync'], svelteKit2Fixture),
				job('SvelteKit 2 fixture: type check', ['tsc', '--noEmit'], svelteKit2Fixture),
				job('Next.js example: route types', ['next', 'typegen'], nextDir),
				job('Next.js example: type check', ['tsc', '--noEmit'], nextDir),
				job('Formatting', ['prettier', '--check', '.']),
				// The Next.js spellings the pages show for apps without Cache Components: `next build`
				// type-checks them and rejects a segment option the mode does not allow.
				job('Next.js fixture without Cache Components: build', [
					'node',
					'scripts/build-example.mjs',
					'nextjs-classic-fixture',
				]),
			],
		],
		lanes
	);
}

// The e2e PocketBase gets a free port, and the site is built to call it by default.
const pocketBasePort = String(await freePort());
env.E2E_PB_PORT = pocketBasePort;
env.PUBLIC_POCKETBASE_URL = `http://127.0.0.1:${pocketBasePort}`;
// The e2e PocketBase's signing key is in the build's environment too, as a careless deployment
// might have it: tests/dist-secrets.spec.ts checks that it appears nowhere in dist/.
env.PLAYGROUND_SIGNING_KEY ??= randomBytes(32).toString('hex');
// Built into a folder of its own, not dist/: this build calls the test's PocketBase port, and
// `npm run preview` after `npm test` should still show the site as `npm run build` makes it.
env.E2E_SITE_DIR = join(reports, 'site');
// The example apps' article pages are prerendered from a PocketBase started for each build; then
// tests/examples-sveltekit.spec.ts and tests/examples-nextjs.spec.ts start each build against a
// PocketBase of its own.
await runLanes(
	[
		[job('Build (with link validation)', ['astro', 'build', '--outDir', env.E2E_SITE_DIR])],
		[
			job('SvelteKit example: build', ['node', 'scripts/build-example.mjs', 'sveltekit']),
			job('Next.js example: build', ['node', 'scripts/build-example.mjs', 'nextjs']),
		],
	],
	lanes
);
env.PLAYWRIGHT_JSON_OUTPUT_FILE = e2eReport;
step('End-to-end tests', ['playwright', 'test', '--reporter=list,json', ...playwrightArgs]);

/** @param {string} file @returns {unknown} */
const readJson = (file) => {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
};
// The fields this summary reads from Vitest's and Playwright's JSON reports.
/** @typedef {{ numPassedTests?: number; numFailedTests?: number }} VitestReport */
/** @typedef {{ stats?: { expected?: number; unexpected?: number; flaky?: number } }} PlaywrightReport */
const unit = /** @type {VitestReport | undefined} */ (readJson(unitReport));
const e2e = /** @type {PlaywrightReport | undefined} */ (readJson(e2eReport));
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0);
const failed =
	(unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0);
console.log(`\nUnit: ${unit?.numPassedTests ?? 0}, end-to-end: ${e2e?.stats?.expected ?? 0}.`);
console.log(`${passed} passed, ${failed} failed`);
