import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// The same `~/` alias as tsconfig.json's paths, so view modules import as they do in Astro.
	resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
	test: {
		// Playwright's specs live in tests/ and are not vitest's business.
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'playground/tests/**/*.test.ts'],
	},
});
