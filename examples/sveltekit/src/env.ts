import { defineEnvVars } from '@sveltejs/kit/env';

// SvelteKit 3 exposes only the variables declared here: private ones from $app/env/private,
// public ones from $app/env/public. Each is checked when the server starts.
export const variables = defineEnvVars({
	POCKETBASE_URL: {
		description: 'The PocketBase the server calls, for each visitor or as itself.',
	},
	POCKETBASE_SUPERUSER_TOKEN: {
		description: 'An impersonate token for server-only work (pocketbase-admin.ts); optional.',
		// A function schema may return undefined: the variable is optional.
		schema: (value) => value,
	},
	PUBLIC_POCKETBASE_URL: {
		description: 'The PocketBase the browser calls and the article pages are built from.',
		// The browser may read it, and the build inlines it, as $env/static/public did.
		public: true,
		static: true,
	},
});
