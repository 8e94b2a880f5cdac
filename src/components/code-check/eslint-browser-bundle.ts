/**
 * Two changes to how Vite bundles ESLint for /check/, the only page that loads it (on its first
 * "Check"). Both touch only imports made from inside ESLint's own files.
 *
 * - ESLint `require()`s esquery, whose package points bundlers at an ES module with only a
 *   default export, so `require('esquery').parse` came out undefined in the bundle; its CommonJS
 *   build has the functions ESLint calls.
 * - ESLint's default config reaches its ~290 built-in rules through one lazily loading map. The
 *   page runs only the plugin's rules, so an empty map stands in: about 630 KB less code to
 *   download and compile (minified, before gzip).
 */
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'astro';

/** A Vite plugin, as Astro's config takes it (Vite comes with Astro, not as a dependency here). */
type Plugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

const fromEslint = /[\\/]node_modules[\\/]eslint[\\/]lib[\\/]/;
const defaultConfig = /[\\/]eslint[\\/]lib[\\/]config[\\/]default-config\.js$/;
const noRules = fileURLToPath(new URL('./no-built-in-rules.cjs', import.meta.url));

export function eslintBrowserBundle(): Plugin {
	return {
		name: 'eslint-browser-bundle',
		enforce: 'pre',
		async resolveId(source, importer) {
			if (!importer || !fromEslint.test(importer)) return null;
			if (source === 'esquery') {
				return this.resolve('esquery/dist/esquery.min.js', importer, { skipSelf: true });
			}
			if (source === '../rules' && defaultConfig.test(importer)) return noRules;
			return null;
		},
	};
}
