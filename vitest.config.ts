import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// The same `~/` alias as tsconfig.json's paths, so view modules import as they do in Astro.
	resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
	test: {
		// Playwright's specs live in tests/ and are not vitest's business.
		include: [
			'src/**/*.test.ts',
			'bench/**/*.test.ts',
			'scripts/**/*.test.ts',
			'playground/tests/**/*.test.ts',
			'packages/*/test/**/*.test.ts',
		],
		// Each file still gets a fresh module graph, in a worker thread rather than a child process:
		// the same isolation, and the suite ran in well under half the time on the 2-core machine.
		pool: 'threads',
	},
});
