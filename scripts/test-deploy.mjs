// `npm run test:deploy`: the playground's attack tests and the proxy's own tests
// (tests/deploy/*.deploy.ts) through each reverse proxy of the deploy recipe, nginx and Caddy as
// Debian packages them, rendered from playground/deploy/ (playwright.deploy.config.ts). Nothing is
// built: none of these tests opens the site. Ends with each proxy's count and the figures its
// tests measured, for playground/README.md.
//   npm run test:deploy                  both proxies
//   npm run test:deploy -- caddy         one of them; other arguments go to Playwright, e.g.
//   npm run test:deploy -- nginx tests/deploy/slow-requests.deploy.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './pocketbase-process.mjs';
import { requireProxyBinary } from './proxy-process.mjs';

/** @type {import('./proxy-process.mjs').ProxyKind[]} */
const all = ['nginx', 'caddy'];
const args = process.argv.slice(2);
const chosen = all.filter((kind) => args.includes(kind));
const kinds = chosen.length > 0 ? chosen : all;
const playwrightArgs = args.filter((arg) => !all.some((kind) => kind === arg));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// Before anything runs: a missing proxy is an installation step, not a test failure.
try {
	for (const kind of kinds) requireProxyBinary(kind);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}

// The fields this summary reads from Playwright's JSON report.
/**
 * @typedef {{ type: string; description?: string }} Annotation
 * @typedef {{ status?: string; annotations?: Annotation[] }} Result
 * @typedef {{ title: string; results?: Result[] }} Test
 * @typedef {{ title: string; tests?: Test[] }} Spec
 * @typedef {{ title: string; specs?: Spec[]; suites?: Suite[] }} Suite
 * @typedef {{ suites?: Suite[]; stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; duration?: number } }} Report
 */

/**
 * Every spec in a report, with its title.
 * @param {Suite[]} suites
 * @returns {Spec[]}
 */
const specsOf = (suites) =>
	suites.flatMap((suite) => [...(suite.specs ?? []), ...specsOf(suite.suites ?? [])]);

/** @param {string} file @returns {unknown} */
const readJson = (file) => {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
};

const reports = mkdtempSync(join(tmpdir(), 'test-deploy-'));
/** @type {{ kind: string; status: number | null; report: Report | undefined }[]} */
const runs = [];
for (const kind of kinds) {
	console.log(`\n▶ The attack tests and the proxy tests through ${kind}`);
	const reportFile = join(reports, `${kind}.json`);
	const result = spawnSync(
		npx,
		[
			'playwright',
			'test',
			'-c',
			'playwright.deploy.config.ts',
			'--reporter=list,json',
			...playwrightArgs,
		],
		{
			stdio: 'inherit',
			cwd: projectRoot,
			env: { ...process.env, PLAYGROUND_PROXY: kind, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile },
		}
	);
	const report = /** @type {Report | undefined} */ (readJson(reportFile));
	runs.push({ kind, status: result.status, report });
}

console.log('\nThrough each proxy:');
for (const { kind, status, report } of runs) {
	const stats = report?.stats ?? {};
	const seconds = ((stats.duration ?? 0) / 1000).toFixed(0);
	console.log(
		`\n${kind}: ${stats.expected ?? 0} passed, ${(stats.unexpected ?? 0) + (stats.flaky ?? 0)} failed, ${stats.skipped ?? 0} skipped (${seconds} s)${status === 0 ? '' : ' ✖'}`
	);
	for (const spec of specsOf(report?.suites ?? [])) {
		for (const test of spec.tests ?? []) {
			for (const result of test.results ?? []) {
				for (const note of result.annotations ?? []) {
					if (note.type === 'figure') console.log(`  - ${note.description ?? ''}`);
				}
			}
		}
	}
}
process.exit(runs.every((run) => run.status === 0) ? 0 : 1);
