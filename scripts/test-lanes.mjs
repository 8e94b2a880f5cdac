// Runs `npm test`'s steps in lanes: the steps of one lane one after another, the lanes side by
// side. The checks before the end-to-end tests are mostly single-threaded (astro check, Prettier,
// ESLint), so two lanes keep both cores of a small machine busy. Each step's output is held back
// and printed whole when the step ends, so two lanes never interleave their lines.
import { spawn } from 'node:child_process';
import { relative } from 'node:path';

/** @typedef {{ title: string; args: string[]; cwd: string }} Step */

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/**
 * Runs every lane; resolves when all passed. On the first failure it prints that step's output,
 * stops the steps still running in other lanes, and exits with the failed step's status.
 * @param {Step[][]} lanes
 * @param {{ env: NodeJS.ProcessEnv; root: string }} options
 */
export async function runLanes(lanes, { env, root }) {
	/** @type {Set<import('node:child_process').ChildProcess>} */
	const running = new Set();
	let failed = false;
	const stopAll = () => {
		for (const child of running) if (child.pid) process.kill(-child.pid, 'SIGTERM');
	};
	// Ctrl-C reaches only the foreground group, which the lanes' groups are not part of.
	process.once('SIGINT', () => {
		stopAll();
		process.exit(130);
	});

	/** @param {Step} step @returns {Promise<void>} */
	const run = (step) =>
		new Promise((resolve) => {
			const where = step.cwd === root ? '' : ` (in ${relative(root, step.cwd)})`;
			const header = `\n▶ ${step.title}: ${step.args.join(' ')}${where}\n`;
			const started = Date.now();
			// In a process group of its own, so that stopping it stops what npx started too.
			const child = spawn(npx, step.args, {
				cwd: step.cwd,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			running.add(child);
			/** @type {Buffer[]} */
			const output = [];
			child.stdout.on('data', (/** @type {Buffer} */ chunk) => output.push(chunk));
			child.stderr.on('data', (/** @type {Buffer} */ chunk) => output.push(chunk));
			child.on('close', (status) => {
				running.delete(child);
				if (failed) return; // another lane failed first and stopped this one
				const seconds = ((Date.now() - started) / 1000).toFixed(1);
				process.stdout.write(header + Buffer.concat(output).toString());
				if (status === 0) {
					console.log(`✔ ${step.title} (${seconds} s)`);
					resolve();
					return;
				}
				failed = true;
				console.error(`\n✖ ${step.title} failed after ${seconds} s.`);
				stopAll();
				process.exit(status ?? 1);
			});
		});

	await Promise.all(
		lanes.map(async (lane) => {
			for (const step of lane) await run(step);
		})
	);
}
