// The example apps hold labelled code: the anti-pattern and the right way. Every finding over them
// must be one of these, at this line, and nothing else: right-way code gives none.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { lintPath } from '../cli/run.js';

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));

const expected = {
	// The shared client itself, in each framework and in the SvelteKit 2 spelling.
	'sveltekit/src/lib/server/pocketbase.ts': [['no-shared-client', 5]],
	'nextjs/lib/pocketbase.ts': [['no-shared-client', 4]],
	'sveltekit-2-fixture/src/lib/server/pocketbase.ts': [['no-shared-client', 8]],
	// The anti-pattern sign-ins: a visitor signed in on the imported module-level client.
	'sveltekit/src/routes/anti-pattern/login/+page.server.ts': [['no-shared-client', 10]],
	'nextjs/app/anti-pattern/login/actions.ts': [['no-shared-client', 8]],
	// The anti-pattern notes pages only read through the imported `pb`. From the file alone that
	// looks the same as a read through the process-wide superuser client (right, in its place);
	// the first run over every file knows which module shares its client, so the import is flagged.
	'sveltekit/src/routes/anti-pattern/notes/+page.server.ts': [['no-shared-client', 1]],
	'nextjs/app/anti-pattern/notes/page.tsx': [['no-shared-client', 4]],
	'sveltekit-2-fixture/src/routes/notes/+page.server.ts': [['no-shared-client', 4]],
};

test('over the example apps, the anti-patterns are flagged and the right way is not', async () => {
	const { results, unreadable } = await lintPath(examples);
	const found: Record<string, [string, number][]> = {};
	for (const result of results) {
		if (result.messages.length === 0) continue;
		found[relative(examples, result.filePath).replaceAll('\\', '/')] = result.messages.map((m) => [
			(m.ruleId ?? '').replace('pocketbase-ssr/', ''),
			m.line,
		]);
	}
	expect(unreadable).toEqual([]);
	expect(found).toEqual(expected);
	// The apps' server code was read: not an empty run.
	expect(results.length).toBeGreaterThan(30);
});
