import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		// Playwright's specs live in tests/ and are not vitest's business.
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
	},
});
