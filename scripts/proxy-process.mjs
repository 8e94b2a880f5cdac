// Starts and stops a real reverse proxy (nginx or Caddy, the Debian packages a deploy host
// installs) on loopback in front of a test PocketBase, with the deploy recipe's own configuration
// rendered by ./proxy-config.mjs. `npm run test:deploy` runs the attack tests through it
// (tests/fixtures.ts, PLAYGROUND_PROXY).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stopProcess, waitForHealth } from './pocketbase-process.mjs';
import { nginxMainConfig, renderCaddy, renderNginx } from './proxy-config.mjs';

/** @typedef {'nginx' | 'caddy'} ProxyKind */

/** The proxies the deploy recipe documents, and where Debian's packages put them. */
export const proxyBinaries = { nginx: '/usr/sbin/nginx', caddy: '/usr/bin/caddy' };

/**
 * The header each proxy overwrites with the connection's address, which PocketBase then trusts
 * (PLAYGROUND_CLIENT_IP_HEADER).
 */
export const clientAddressHeader = 'X-Real-IP';

/**
 * The proxy named by PLAYGROUND_PROXY (`nginx` or `caddy`), or undefined when it is unset.
 * @param {string | undefined} value
 * @returns {ProxyKind | undefined}
 */
export function proxyKindFrom(value) {
	if (value === undefined || value === '') return undefined;
	if (value === 'nginx' || value === 'caddy') return value;
	throw new Error(`PLAYGROUND_PROXY must be nginx or caddy, not ${JSON.stringify(value)}.`);
}

/**
 * Fails with what to install when a proxy's binary is missing.
 * @param {ProxyKind} kind
 */
export function requireProxyBinary(kind) {
	if (!existsSync(proxyBinaries[kind])) {
		throw new Error(
			`${kind} is not installed (${proxyBinaries[kind]}). The deploy tests run the Debian packages a deploy host gets: sudo apt-get install nginx caddy`
		);
	}
}

/** The proxy exited before it was ready; `addressInUse` when its port was taken. */
export class ProxyExit extends Error {
	/** @param {ProxyKind} kind @param {number | null} code @param {string} output */
	constructor(kind, code, output) {
		super(`${kind} exited (code ${code}) before it was ready:\n${output}`);
		this.addressInUse = /address already in use/i.test(output);
	}
}

/**
 * Starts `kind` on a free loopback port in front of PocketBase on 127.0.0.1:`upstreamPort` (or
 * several hosts, `upstreamPorts`), and resolves once it has bound its port and answers
 * PocketBase's health check through it.
 * @param {ProxyKind} kind
 * @param {{ upstreamPort: number } | { upstreamPorts: number[] }} options
 */
export async function startProxy(kind, options) {
	const upstreamPorts = 'upstreamPorts' in options ? options.upstreamPorts : [options.upstreamPort];
	requireProxyBinary(kind);
	// A port from freePort() is free only when asked for; if another process binds it first, the
	// proxy exits with "address already in use" and gets another.
	for (let attempt = 1; ; attempt++) {
		try {
			return await launch(kind, await freePort(), upstreamPorts);
		} catch (error) {
			if (!(error instanceof ProxyExit && error.addressInUse) || attempt === 5) throw error;
		}
	}
}

/**
 * @param {ProxyKind} kind
 * @param {number} port
 * @param {number[]} upstreamPorts
 */
async function launch(kind, port, upstreamPorts) {
	const dir = mkdtempSync(join(tmpdir(), `proxy-${kind}-`));
	// Started as root, nginx runs its workers as nobody, who must reach its temporary files.
	chmodSync(dir, 0o755);
	const ports = { port, upstreamPorts };
	let child;
	/** @type {(output: string) => boolean} */
	let ready;
	if (kind === 'nginx') {
		writeFileSync(join(dir, 'playground.conf'), renderNginx(ports));
		writeFileSync(join(dir, 'nginx.conf'), nginxMainConfig('playground.conf'));
		mkdirSync(join(dir, 'temp'));
		// nginx writes its pid file only after it has bound its ports.
		ready = () => existsSync(join(dir, 'nginx.pid'));
		child = spawn(
			proxyBinaries.nginx,
			['-p', `${dir}/`, '-c', 'nginx.conf', '-e', 'stderr', '-g', 'daemon off;'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
	} else {
		const file = join(dir, 'Caddyfile');
		writeFileSync(file, renderCaddy(ports));
		// Caddy logs this once its servers listen.
		ready = (output) => output.includes('"serving initial configuration"');
		child = spawn(proxyBinaries.caddy, ['run', '--config', file, '--adapter', 'caddyfile'], {
			stdio: ['ignore', 'pipe', 'pipe'],
			// Its storage and autosaved configuration go to this run's folder, not the user's home.
			env: {
				...process.env,
				HOME: dir,
				XDG_DATA_HOME: join(dir, 'data'),
				XDG_CONFIG_HOME: join(dir, 'config'),
			},
		});
	}
	// nginx stops at once on SIGTERM and Caddy on SIGQUIT (their SIGQUIT and SIGTERM wait for
	// open connections, realtime streams included).
	const stop = async () => {
		await stopProcess(child, kind === 'nginx' ? 'SIGTERM' : 'SIGQUIT');
		rmSync(dir, { recursive: true, force: true });
	};
	let output = '';
	/** @param {Buffer} chunk */
	const keep = (chunk) => {
		// Keeps reading for the process's whole life, so a full pipe never blocks it.
		output = (output + chunk.toString()).slice(-4000);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	try {
		await new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`${kind} did not start in 10 s:\n${output}`)),
				10_000
			);
			const poll = setInterval(() => {
				if (!ready(output)) return;
				clearInterval(poll);
				clearTimeout(timer);
				resolve(undefined);
			}, 25);
			child.once('exit', (code) => {
				clearInterval(poll);
				clearTimeout(timer);
				reject(new ProxyExit(kind, code, output));
			});
		});
		const url = `http://127.0.0.1:${port}`;
		await waitForHealth(url, 10_000);
		return { kind, url, pid: () => child.pid ?? 0, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
