// Loaded with `node --import` before svelte-check: `typescript` then resolves from the SvelteKit
// example's folder, wherever the module asking for it sits. npm hoists svelte-check to the
// repository root, where `require('typescript')` finds the site's TypeScript 5.9; SvelteKit 3
// needs TypeScript 6, which npm nests in examples/sveltekit, and the check should run on the
// compiler the app's own users have.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromExample = createRequire(new URL('../examples/sveltekit/package.json', import.meta.url));
// Node 24 runs these hooks for require.resolve too, so the lookup below would come back here.
let inLookup = false;

registerHooks({
	resolve(specifier, context, nextResolve) {
		const isTypeScript = specifier === 'typescript' || specifier.startsWith('typescript/');
		if (!isTypeScript || inLookup) return nextResolve(specifier, context);
		inLookup = true;
		try {
			return { url: pathToFileURL(fromExample.resolve(specifier)).href, shortCircuit: true };
		} finally {
			inLookup = false;
		}
	},
});
