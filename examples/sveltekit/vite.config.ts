import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// SvelteKit 3 reads its configuration here: there is no svelte.config.js.
export default defineConfig({
	plugins: [
		sveltekit({
			adapter: adapter(),
			// EXPERIMENTAL, for /remote/overview only: remote functions (query, form, command,
			// query.live from $app/server), and `await` in components to render them on the server.
			// Neither follows semantic versioning; either may change in any release.
			experimental: { remoteFunctions: true },
			compilerOptions: { experimental: { async: true } },
		}),
	],
});
