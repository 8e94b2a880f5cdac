import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	freePort,
	PocketBaseExit,
	startPocketBaseListening,
	stopProcess,
} from './pocketbase-process.mjs';

const dirs: string[] = [];
const dataDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'pb-listen-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Starting PocketBase runs its migrations first: seconds on a busy machine.
describe('startPocketBaseListening', { timeout: 30_000 }, () => {
	it('resolves once the server answers on its own port', async () => {
		const server = await startPocketBaseListening({ port: await freePort(), dataDir: dataDir() });
		try {
			const response = await fetch(`${server.url}/api/health`);
			expect(response.status).toBe(200);
		} finally {
			await stopProcess(server.child);
		}
	});

	it('rejects when another server already has the port, although that one answers health checks', async () => {
		const port = await freePort();
		const first = await startPocketBaseListening({ port, dataDir: dataDir() });
		try {
			const second = startPocketBaseListening({ port, dataDir: dataDir() });
			await expect(second).rejects.toBeInstanceOf(PocketBaseExit);
			await expect(second).rejects.toMatchObject({ addressInUse: true });
			expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
		} finally {
			await stopProcess(first.child);
		}
	});
});
