/**
 * /check/: the example apps' anti-pattern files, pasted under their real paths, get the findings
 * the plugin's command finds in those files (rule and line), and right-way code gets none;
 * bad input is explained without losing the reader's text; a copied link reopens the same check.
 * One page load: the linter loads on the first check, and every case after reuses it. The page
 * runs under the site's Content-Security-Policy, so a refusal (ESLint compiling option schemas
 * with `new Function` was one) shows up in `consoleErrors`.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator } from '@playwright/test';
import { lintPath } from '../packages/eslint-plugin-pocketbase-ssr/cli/run.js';
import { expect, test } from './fixtures';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

/** The script files under `folder` of an example app, as paths inside that app. */
function scriptsUnder(app: string, folder: string): string[] {
	const root = join(examples, app);
	return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|tsx)$/.test(file))
		.map((file) => relative(root, join(root, folder, file)).replaceAll('\\', '/'))
		.sort();
}

/** Each example's anti-pattern files, and the module their shared client comes from. */
const cases = [
	{
		app: 'sveltekit',
		files: [
			...scriptsUnder('sveltekit', 'src/routes/anti-pattern'),
			'src/lib/server/pocketbase.ts',
		],
	},
	{
		app: 'nextjs',
		files: [...scriptsUnder('nextjs', 'app/anti-pattern'), 'lib/pocketbase.ts'],
	},
];

/**
 * What the plugin's command finds in these files of an example app, in Node with typescript-eslint's
 * own parser: path in the app → `rule@line`. The command runs over a folder holding only the files
 * the page is given, so both see the same project (the plugin's examples test runs it over the
 * whole apps); parsing just these is a quarter of the CPU time of both apps, and the machine's
 * cores are what the page waits on.
 */
async function commandFindings(app: string, files: string[]): Promise<Map<string, string[]>> {
	const root = mkdtempSync(join(tmpdir(), `check-page-${app}-`));
	try {
		for (const file of files) {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), readFileSync(join(examples, app, file)));
		}
		const { results } = await lintPath(root);
		return new Map(
			results.map((result) => [
				relative(root, result.filePath).replaceAll('\\', '/'),
				result.messages.map((m) => `${(m.ruleId ?? '').replace('pocketbase-ssr/', '')}@${m.line}`),
			])
		);
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

/** Fills the form with exactly these files, adding or removing rows as needed. */
async function paste(check: Locator, files: { name: string; code: string }[]) {
	const rows = check.locator('[data-file]');
	while ((await rows.count()) < files.length) {
		await check.getByRole('button', { name: 'Add another file' }).click();
	}
	while ((await rows.count()) > files.length) {
		await check.getByRole('button', { name: `Remove file ${await rows.count()}` }).click();
	}
	for (const [i, file] of files.entries()) {
		await check.getByLabel(`File ${i + 1}: path in your project`).fill(file.name);
		await check.getByLabel(`File ${i + 1}: code`).fill(file.code);
	}
}

/** The page's findings for one file, as `rule@line`. */
async function pageFindings(check: Locator, file: string): Promise<string[]> {
	const report = check.getByRole('article', { name: file });
	const items = await report.getByRole('listitem').allInnerTexts();
	return items.map((text) => {
		const [, line, rule] = /Line (\d+), column \d+\s+pocketbase-ssr\/([\w-]+)/.exec(text) ?? [];
		return `${rule}@${line}`;
	});
}

async function checkAndWait(check: Locator) {
	await check.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(check.getByRole('status')).not.toHaveText(/^(Checking|Loading the checker)/);
}

test('pasted files get the plugin’s findings, bad input is explained, a link reopens them', async ({
	page,
	context,
	consoleErrors,
}) => {
	// The command's runs over the same files, in Node while the page loads.
	const expectedByApp = Promise.all(cases.map(({ app, files }) => commandFindings(app, files)));
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/check/');
	const check = page.locator('code-check');
	const results = check.getByRole('region', { name: 'Findings' });
	const status = check.getByRole('status');

	// Nothing pasted: said next to the code field, which gets the focus; no linter is loaded.
	await check.getByRole('button', { name: 'Check', exact: true }).click();
	await expect(status).toHaveText('Paste the code of at least one file first.');
	await expect(check.getByLabel('File 1: code')).toBeFocused();
	await expect(check.getByLabel('File 1: code')).toHaveAttribute('aria-invalid');

	// The example fills the form with the SvelteKit app's anti-pattern, under its real paths.
	await check.getByRole('button', { name: 'Load an example' }).click();
	await expect(check.getByLabel('File 1: path in your project')).toHaveValue(
		'src/routes/anti-pattern/login/+page.server.ts'
	);

	// A kind of file the rules cannot read, and a file that does not parse: both explained, the
	// text kept as typed.
	const broken = 'export const pb = new PocketBase(url;\n';
	await paste(check, [
		{ name: 'src/routes/+page.svelte', code: '<script>let a = 1;</script>' },
		{ name: 'lib/pb.ts', code: broken },
	]);
	await checkAndWait(check);
	await expect(check.getByText(/^File 1: a \.svelte file cannot be checked here/)).toBeVisible();
	await expect(
		check.getByText(/does not parse, so it was not checked\. Line 1, column \d+:/)
	).toBeVisible();
	await expect(check.getByLabel('File 2: code')).toHaveValue(broken);
	await expect(check.getByLabel('File 1: code')).toHaveValue('<script>let a = 1;</script>');

	// Each example's anti-pattern: the same findings, file by file, as the plugin's command.
	const expected = await expectedByApp;
	for (const [n, { app, files }] of cases.entries()) {
		const pasted = files.map((name) => ({
			name,
			code: readFileSync(join(examples, app, name), 'utf8'),
		}));
		await paste(check, pasted);
		await checkAndWait(check);
		await expect(results).toBeVisible();
		const found = await Promise.all(pasted.map(({ name }) => pageFindings(check, name)));
		let total = 0;
		for (const [i, { name }] of pasted.entries()) {
			const inFile = expected[n]!.get(name);
			expect(inFile, `${app}/${name} was linted by the command`).toBeDefined();
			expect(found[i], `${app}/${name}`).toEqual(inFile);
			total += inFile!.length;
		}
		// The anti-patterns are found at all: the comparison above is not between two empty runs.
		expect(total, app).toBeGreaterThan(0);
	}
	// A finding's why links to the section of the guide that proves it.
	await expect(
		check.getByRole('link', { name: 'Doing it right: one client per request' }).first()
	).toHaveAttribute('href', /^\/server-side\/doing-it-right\/#/);

	// The right way: no findings.
	const hooks = 'src/hooks.server.ts';
	await paste(check, [
		{ name: hooks, code: readFileSync(join(examples, 'sveltekit', hooks), 'utf8') },
	]);
	await checkAndWait(check);
	await expect(results.getByText('No findings in 1 file.')).toBeVisible();

	// Removing a file with text in it is never final: the last one removed comes back in its place.
	await check.getByRole('button', { name: 'Undo remove' }).click();
	await expect(check.getByLabel('File 2: path in your project')).toHaveValue(cases[1]!.files[1]!);

	// A link with the code, made only on request: it reopens the same files and findings.
	expect(page.url()).not.toContain('#');
	const client = 'src/lib/server/pocketbase.ts';
	const clientCode = readFileSync(join(examples, 'sveltekit', client), 'utf8');
	await paste(check, [{ name: client, code: clientCode }]);
	await check.getByRole('button', { name: 'Copy a link with this code' }).click();
	const copied = /^Link copied: [\d,]+ characters, with the code of 1 file\./;
	await expect(check.getByRole('paragraph').filter({ hasText: copied })).toBeVisible();
	await expect(status).toHaveText(copied);
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(link).hash).toMatch(/^#check-files=[\w-]+$/);
	// Opened in this page (the address bar's link, a fragment change), it fills the emptied form.
	await paste(check, [{ name: '', code: '' }]);
	await page.goto(link);
	await expect(check.getByLabel('File 1: code')).toHaveValue(clientCode);
	await expect(results.getByText('1 finding in 1 file.')).toBeVisible();
	expect(await pageFindings(check, client)).toEqual(expected[0]!.get(client));
	expect(consoleErrors).toEqual([]);
});
