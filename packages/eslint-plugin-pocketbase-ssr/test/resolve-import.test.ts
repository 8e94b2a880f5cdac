import { expect, test } from 'vitest';
import { resolveImport } from '../src/resolve-import.js';

const files = [
	'/app/examples/sveltekit/src/lib/server/pocketbase.ts',
	'/app/examples/sveltekit-2-fixture/src/lib/server/pocketbase.ts',
	'/app/examples/nextjs/lib/pocketbase.ts',
	'/app/examples/nextjs/lib/db/index.ts',
];

test('relative imports resolve against the importing file, with or without an extension', () => {
	const importer = '/app/examples/sveltekit/src/routes/notes/+page.server.ts';
	expect(resolveImport('../../lib/server/pocketbase', importer, files)).toBe(files[0]);
	expect(resolveImport('../../lib/server/pocketbase.js', importer, files)).toBe(files[0]);
	expect(resolveImport('./pocketbase', importer, files)).toBeNull();
	expect(resolveImport('../../../../nextjs/lib/db', importer, files)).toBe(files[3]);
});

test("aliases resolve to the file in the importer's own app", () => {
	const kit3 = '/app/examples/sveltekit/src/routes/notes/+page.server.ts';
	const kit2 = '/app/examples/sveltekit-2-fixture/src/routes/notes/+page.server.ts';
	expect(resolveImport('#lib/server/pocketbase.ts', kit3, files)).toBe(files[0]);
	expect(resolveImport('$lib/server/pocketbase', kit2, files)).toBe(files[1]);
	expect(resolveImport('@/lib/pocketbase', '/app/examples/nextjs/app/page.tsx', files)).toBe(
		files[2]
	);
	expect(resolveImport('~/lib/db', '/app/examples/nextjs/app/page.tsx', files)).toBe(files[3]);
});

test('packages, unknown files and ties resolve to nothing', () => {
	expect(resolveImport('pocketbase', '/app/src/hooks.server.ts', files)).toBeNull();
	expect(resolveImport('@/lib/other', '/app/examples/nextjs/app/page.tsx', files)).toBeNull();
	// Two apps' files, equally far from the importer: can't tell.
	expect(
		resolveImport('$lib/server/pocketbase', '/elsewhere/src/routes/+page.server.ts', files)
	).toBeNull();
	// Virtual names, as a page that checks pasted files uses them.
	expect(
		resolveImport('$lib/server/pocketbase', 'src/routes/+page.server.ts', [
			'src/lib/server/pocketbase.ts',
		])
	).toBe('src/lib/server/pocketbase.ts');
});
