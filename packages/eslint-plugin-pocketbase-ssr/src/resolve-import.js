// Which file an import names, by its specifier alone: the rules run on files given to them (on
// disk, or pasted into a page), never on a file system, so this is string work on their names.

/** @param {string} path */
function withoutExtension(path) {
	return path.replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
}

/**
 * `a/b/../c/./d` → `a/c/d`, with forward slashes.
 * @param {string} path
 */
function normalizeSegments(path) {
	/** @type {string[]} */
	const out = [];
	for (const segment of path.replaceAll('\\', '/').split('/')) {
		if (segment === '.' || (segment === '' && out.length > 0)) continue;
		if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
		else out.push(segment);
	}
	return out.join('/');
}

/**
 * The file an import specifier names, among the given files: relative specifiers, and the aliases
 * SvelteKit (`$lib`, `#lib`) and Next.js (`@/`, `~/`) projects use. Null when it names none of
 * them, or more than one equally well.
 * @param {string} specifier
 * @param {string} importer The importing file's name.
 * @param {string[]} files
 * @returns {string | null}
 */
export function resolveImport(specifier, importer, files) {
	const from = normalizeSegments(importer);
	if (specifier.startsWith('./') || specifier.startsWith('../')) {
		const target = withoutExtension(normalizeSegments(`${from}/../${specifier}`));
		return files.find((file) => withoutExtension(normalizeSegments(file)) === target) ?? null;
	}
	const lib = /^[$#]lib\/(.+)$/.exec(specifier);
	const root = /^[@~]\/(.+)$/.exec(specifier);
	const suffix = lib?.[1] !== undefined ? `src/lib/${lib[1]}` : (root?.[1] ?? null);
	if (suffix === null) return null;
	const tail = `/${withoutExtension(suffix)}`;
	const candidates = files.filter((file) =>
		`/${withoutExtension(normalizeSegments(file))}`.endsWith(tail)
	);
	if (candidates.length <= 1) return candidates[0] ?? null;
	// Several apps in one folder: the one that shares the most of the importer's path.
	const shared = (/** @type {string} */ file) => {
		const a = normalizeSegments(file).split('/');
		const b = from.split('/');
		let i = 0;
		while (i < a.length && i < b.length && a[i] === b[i]) i++;
		return i;
	};
	const ranked = candidates.map((file) => ({ file, score: shared(file) }));
	ranked.sort((a, b) => b.score - a.score);
	const [best, next] = ranked;
	return best && (!next || best.score > next.score) ? best.file : null;
}
