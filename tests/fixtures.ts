/**
 * Shared e2e fixtures. `page` starts at the built site (baseURL). `ownPocketBase` is a
 * private, real PocketBase for tests that stop it, exhaust its rate limiter or need a
 * superuser: pages reach it with `?pb=` (`withPb(path)`). With PLAYGROUND_PROXY=nginx or caddy
 * (`npm run test:deploy`), it stands behind that proxy as the deploy recipe puts it: `url` is the
 * proxy's, `directUrl` PocketBase's own, and PocketBase trusts the header the proxy overwrites.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	PocketBaseExit,
	runPocketBaseCommand,
	startPocketBaseListening,
	stopProcess,
} from '../scripts/pocketbase-process.mjs';
import { clientAddressHeader, proxyKindFrom, startProxy } from '../scripts/proxy-process.mjs';
import { gcTraceCounter } from './gc-trace';

export interface OwnPocketBase {
	/** Where requests go: the proxy's address behind PLAYGROUND_PROXY, else PocketBase's own. */
	url: string;
	/** PocketBase's own address, around any proxy. */
	directUrl: string;
	/** The proxy in front of it (PLAYGROUND_PROXY), if any. */
	proxy: 'nginx' | 'caddy' | undefined;
	dataDir: string;
	/** Stops the server (not the proxy); the data folder stays for start(). */
	stop(): Promise<void>;
	/** Starts it again on the same port and data. */
	start(): Promise<void>;
	/** `path` on the site, with `?pb=` pointing at this server. */
	withPb(path: string): string;
	/** The running server's process id, to read its memory from /proc. */
	pid(): number;
	/** CPU seconds of Go's garbage collections so far (public mode traces them; else 0). */
	gcCpuSeconds(): number;
}

interface Options {
	/** Extra environment for ownPocketBase (e.g. DEMO_USER_MAX_AGE_SECONDS). */
	pocketBaseEnv: Record<string, string>;
	/** A superuser to create in ownPocketBase before it starts. */
	superuser: { email: string; password: string } | undefined;
	/**
	 * Start ownPocketBase as the public playground is started (`publicServeArgs`: CORS for the
	 * site's origin only, a query timeout, the runtime pool), instead of as a local one.
	 */
	publicMode: boolean;
}

const proxy = proxyKindFrom(process.env['PLAYGROUND_PROXY']);

export const test = base.extend<
	Options & { ownPocketBase: OwnPocketBase; consoleErrors: string[] }
>({
	pocketBaseEnv: [{}, { option: true }],
	superuser: [undefined, { option: true }],
	publicMode: [false, { option: true }],
	baseURL: async ({}, use) => {
		await use(process.env['E2E_SITE_URL']);
	},
	ownPocketBase: async ({ pocketBaseEnv, superuser, publicMode }, use) => {
		const dataDir = mkdtempSync(join(tmpdir(), 'pb-own-'));
		let port = await freePort();
		if (superuser) {
			await runPocketBaseCommand(
				['superuser', 'upsert', superuser.email, superuser.password],
				dataDir
			);
		}
		let current: Awaited<ReturnType<typeof startPocketBaseListening>> | undefined;
		// Behind a proxy, PocketBase counts each client by the header the proxy overwrites, as a
		// deployment started with PLAYGROUND_CLIENT_IP_HEADER does.
		const env = {
			...(proxy ? { PLAYGROUND_CLIENT_IP_HEADER: clientAddressHeader } : {}),
			// Public mode's tests charge each request its CPU; the collector's share is counted
			// apart (tests/server-resources.ts, cpuCostOf).
			...(publicMode ? { GODEBUG: 'gctrace=1' } : {}),
			...pocketBaseEnv,
		};
		const gc = gcTraceCounter();
		const start = async () => {
			current = await startPocketBaseListening({
				port,
				dataDir,
				env,
				...(publicMode ? { public: { origins: [siteOrigin()] } } : {}),
			});
			current.child.stderr?.on('data', (chunk: Buffer) => gc.read(chunk.toString()));
		};
		// Parallel tests each ask for a free port; if another server took this one first, ask again.
		for (let attempt = 1; ; attempt++) {
			try {
				await start();
				break;
			} catch (error) {
				if (!(error instanceof PocketBaseExit && error.addressInUse) || attempt === 5) throw error;
				port = await freePort();
			}
		}
		const directUrl = `http://127.0.0.1:${port}`;
		const front = proxy
			? await startProxy(proxy, { upstreamPort: port }).catch(async (error: unknown) => {
					if (current) await stopProcess(current.child);
					throw error;
				})
			: undefined;
		const url = front?.url ?? directUrl;
		await use({
			url,
			directUrl,
			proxy,
			dataDir,
			start,
			async stop() {
				if (current) await stopProcess(current.child);
			},
			withPb: (path) => `${path}${path.includes('?') ? '&' : '?'}pb=${encodeURIComponent(url)}`,
			pid: () => current?.child.pid ?? 0,
			gcCpuSeconds: () => gc.seconds(),
		});
		await front?.stop();
		if (current) await stopProcess(current.child);
		rmSync(dataDir, { recursive: true, force: true });
	},
	consoleErrors: async ({ page }, use) => {
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(String(error)));
		await use(errors);
	},
});

export { expect };

/** The built site's origin, the one a public-mode PocketBase answers CORS for. */
export const siteOrigin = () =>
	new URL(process.env['E2E_SITE_URL'] ?? 'http://127.0.0.1:4321').origin;

/** The connection status panel on a page. */
export function connectionStatus(page: Page) {
	return page.locator('pb-connection-status');
}
