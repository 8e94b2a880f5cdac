/**
 * Loads one of the playground's hook modules (playground/pb_hooks/*.js) into Node, for its unit
 * tests, the way PocketBase's JSVM loads it with require(): as a CommonJS script with its own
 * `module`. (Node would read a .js file in this package as an ES module.)
 */
import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';

export function loadHookModule<T>(name: string): T {
	const path = new URL(`../pb_hooks/${name}`, import.meta.url);
	const source = readFileSync(path, 'utf8');
	const wrapper = runInThisContext(`(function (module, exports) {\n${source}\n})`, {
		filename: path.pathname,
	}) as (module: { exports: unknown }, exports: unknown) => void;
	const module = { exports: {} };
	wrapper(module, module.exports);
	return module.exports as T;
}
