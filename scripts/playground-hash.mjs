// The fingerprint of what a playground answers with: a hash of its migrations and hooks. A
// recorded run (src/recordings/) stores the one it was recorded against, and a unit test
// recomputes it, so a recording that no longer matches the playground is noticed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const playgroundDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'playground');

/** @param {string} dir @returns {string[]} every file under `dir` */
function filesUnder(dir) {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]
	);
}

/** sha256 over the path and content of every file in pb_migrations/ and pb_hooks/, in order. */
export function playgroundHash() {
	const hash = createHash('sha256');
	const files = ['pb_migrations', 'pb_hooks']
		.flatMap((dir) => filesUnder(join(playgroundDir, dir)))
		.map((file) => relative(playgroundDir, file).split('\\').join('/'))
		.sort();
	for (const file of files) {
		hash.update(`${file}\0`);
		hash.update(readFileSync(join(playgroundDir, file)));
		hash.update('\0');
	}
	return `sha256:${hash.digest('hex')}`;
}
