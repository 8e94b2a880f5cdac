import tsParser from '@typescript-eslint/parser';
import { Linter, type ESLint } from 'eslint';
import { expect, test } from 'vitest';
import { createSharedClientCollector } from '../src/shared-clients.js';

test('the collector follows re-exports to the module that creates the client', () => {
	const collector = createSharedClientCollector();
	const linter = new Linter();
	const config = [
		{
			files: ['**/*.ts'],
			languageOptions: { parser: tsParser },
			plugins: { 'pocketbase-ssr-collect': collector.plugin as unknown as ESLint.Plugin },
			rules: collector.rules,
		},
	];
	const files: Record<string, string> = {
		'src/lib/server/pocketbase.ts': `import PocketBase from 'pocketbase';
export const pb = new PocketBase(URL);
export const admin = new PocketBase(URL);
admin.authStore.save(TOKEN);`,
		'src/lib/server/index.ts': `export { pb as client, admin } from './pocketbase';`,
		'src/lib/server/all.ts': `export * from './index';`,
		'src/lib/server/again.ts': `import { client } from './all';
export { client as sameClient };`,
	};
	for (const [filename, code] of Object.entries(files)) linter.verify(code, config, { filename });
	expect(collector.sharedClients()).toEqual({
		'src/lib/server/pocketbase.ts': ['pb'],
		'src/lib/server/index.ts': ['client'],
		'src/lib/server/all.ts': ['client'],
		'src/lib/server/again.ts': ['sameClient'],
	});
});
