import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { run } from '../cli/run.js';

const project = mkdtempSync(join(tmpdir(), 'pocketbase-ssr-cli-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function write(path: string, text: string) {
	const file = join(project, path);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, text);
}

async function runCli(args: string[]) {
	let out = '';
	let err = '';
	const status = await run(args, {
		out: (text) => (out += text),
		err: (text) => (err += text),
	});
	return { status, out, err };
}

write(
	'src/lib/server/pocketbase.ts',
	`import PocketBase from 'pocketbase';
// eslint-disable-next-line some-other-plugin/rule -- names a rule this run does not load
export const pb = new PocketBase('http://127.0.0.1:8090');
`
);
write('src/routes/+page.server.ts', `export const load = async ({ locals }) => ({ user: 1 });\n`);
// Reads through the shared client, in another file: found by the first run.
write(
	'src/routes/notes/+page.server.ts',
	`import { pb } from '$lib/server/pocketbase';
export const load = async () => ({ notes: await pb.collection('notes').getFullList() });
`
);
// Dependencies and build output are skipped.
write(
	'node_modules/lib/src/lib/server/pb.ts',
	`import P from 'pocketbase';\nexport const pb = new P();\n`
);
write(
	'.svelte-kit/output/server/lib/server/pb.js',
	`import P from 'pocketbase';\nexport const pb = new P();\n`
);

test('findings in stylish format, exit status 1', async () => {
	const { status, out } = await runCli([project]);
	expect(status).toBe(1);
	expect(out).toContain('src/lib/server/pocketbase.ts');
	expect(out).toMatch(/3:\d+ +error .+pocketbase-ssr\/no-shared-client/);
	expect(out).toContain('src/routes/notes/+page.server.ts');
	expect(out).toMatch(
		/1:10 +error +pb is the module-level client lib\/server\/pocketbase.ts creates/
	);
	expect(out).toContain('2 problems (2 errors, 0 warnings)');
	expect(out).not.toContain('node_modules');
	expect(out).not.toContain('.svelte-kit');
	expect(out).not.toContain('some-other-plugin');
});

test('no findings: exit status 0', async () => {
	const { status, out } = await runCli([join(project, 'src/routes/+page.server.ts')]);
	expect(status).toBe(0);
	expect(out).toBe('No findings in 1 file.\n');
});

test('usage errors: exit status 2 with a reason', async () => {
	const none = await runCli([]);
	expect(none.status).toBe(2);
	expect(none.err).toContain('No path given.');
	const missing = await runCli([join(project, 'nope')]);
	expect(missing.status).toBe(2);
	expect(missing.err).toContain('No such file or folder');
});

// A new Node process loads ESLint and the parser before it lints anything: 0.9 s of CPU, measured
// at 3.5 s of wall time on the 2-core machine under a load average of 15. The default 5 s leaves
// no room for that, so this one test gets more; the file it lints is a single one.
test('the bin runs in Node and passes on the status', { timeout: 20_000 }, async () => {
	const bin = fileURLToPath(new URL('../bin/cli.js', import.meta.url));
	const file = join(project, 'src/lib/server/pocketbase.ts');
	const failed = await promisify(execFile)(process.execPath, [bin, file]).catch(
		(error: { code: number; stdout: string }) => error
	);
	expect('code' in failed && failed.code).toBe(1);
	expect(failed.stdout).toContain('pocketbase-ssr/no-shared-client');
});
