// esbuild bundles for the bench: a source module Node cannot import as it stands (the site's
// TypeScript imports have no file extensions, as Astro and Vitest resolve them), and a page's
// script with its packages.
import { build } from 'esbuild';

/**
 * One entry bundled into a single ES module's text.
 * @param {string} entry an absolute path
 * @param {'node' | 'browser'} platform
 */
export async function bundle(entry, platform) {
	const out = await build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		format: 'esm',
		platform,
		// A page's script as a site would ship it: minified, with top-level await.
		...(platform === 'browser' ? { target: 'es2022', minify: true } : {}),
	});
	return out.outputFiles[0]?.text ?? '';
}

/**
 * Imports a source module of the site (`src/lib/*.ts`) with its own imports bundled in.
 * @param {string} entry an absolute path
 * @returns {Promise<unknown>}
 */
export async function importSource(entry) {
	const code = await bundle(entry, 'node');
	return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
