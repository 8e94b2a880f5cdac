/**
 * Pages show the example apps' real files (imported with `?raw`), so what a page shows is what
 * the tests run. A file marks an excerpt with `// #region name` … `// #endregion name` lines
 * (the markers editors fold on); pages show either the excerpt or the whole file without them.
 */
const marker = /^[ \t]*\/\/ #(end)?region\b.*$/;

/** The whole file without its region marker lines. */
export function withoutRegionMarkers(source: string): string {
	return source
		.split('\n')
		.filter((line) => !marker.test(line))
		.join('\n');
}

/**
 * The lines between `// #region name` and `// #endregion name`, without the indentation they
 * share. Throws if the region is missing or empty, so a renamed region breaks the build rather
 * than showing nothing.
 */
export function region(source: string, name: string): string {
	const lines = source.split('\n');
	const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
	const end = lines.findIndex((line, i) => i > start && line.trim() === `// #endregion ${name}`);
	if (start < 0 || end < 0) throw new Error(`No region "${name}" in the file.`);
	const body = lines.slice(start + 1, end).filter((line) => !marker.test(line));
	if (body.every((line) => line.trim() === '')) throw new Error(`Region "${name}" is empty.`);
	const indents = body
		.filter((line) => line.trim() !== '')
		.map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
	const shared = Math.min(...indents);
	return body.map((line) => line.slice(shared)).join('\n');
}
