/**
 * Three playground hosts behind the deploy's own proxy, as playground/deploy/README.md runs N of
 * them: each with the same migrations and hooks, the proxy rendered from the committed Caddyfile
 * or nginx.conf (scripts/proxy-config.mjs). A reader signs in on a demo, the host that holds
 * their account is killed mid-visit, and the reader carries on: the proxy moves them to another
 * host, the demo says their account was on a server that stopped, and signing in again works.
 */
import { expect, test, type Response } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	freePort,
	startPocketBaseListening,
	stopProcess,
} from '../../scripts/pocketbase-process.mjs';
import { proxyKindFrom, startProxy } from '../../scripts/proxy-process.mjs';
import { builtSite, startPreview } from '../../scripts/site-process.mjs';

type Host = Awaited<ReturnType<typeof startPocketBaseListening>> & { port: number; dir: string };

const hostHeader = 'x-playground-host';

test('a reader whose host stops is moved, told, and can sign in again', async ({ page }) => {
	const kind = proxyKindFrom(test.info().project.name) ?? 'caddy';
	if (!existsSync(join(builtSite, 'index.html'))) {
		throw new Error(`No built site in ${builtSite}: run \`npm run build\` first.`);
	}
	const hosts: Host[] = [];
	const stops: (() => Promise<unknown>)[] = [];
	try {
		for (let i = 0; i < 3; i++) {
			const port = await freePort();
			const dir = mkdtempSync(join(tmpdir(), `pb-failover-${i}-`));
			// As on a deploy host: PocketBase trusts the address the proxy writes.
			const host = await startPocketBaseListening({
				port,
				dataDir: dir,
				env: { PLAYGROUND_CLIENT_IP_HEADER: 'X-Real-IP' },
			});
			hosts.push({ ...host, port, dir });
			stops.push(async () => {
				await stopProcess(host.child);
				rmSync(dir, { recursive: true, force: true });
			});
		}
		const proxy = await startProxy(kind, { upstreamPorts: hosts.map((h) => h.port) });
		stops.push(proxy.stop);
		const preview = await startPreview();
		stops.push(() => stopProcess(preview.child));

		// Every answer through the proxy, with the host that made it.
		const answers: { url: string; host: string | undefined }[] = [];
		page.on('response', (response: Response) => {
			if (!response.url().startsWith(proxy.url)) return;
			answers.push({ url: response.url(), host: response.headers()[hostHeader] });
		});
		const path = `/problem/what-pocketbase-sees/?pb=${encodeURIComponent(proxy.url)}`;
		await page.goto(`${preview.url}${path}`);
		await expect(page.locator('pb-connection-status')).toHaveAttribute('data-state', 'connected');

		const direct = page.getByRole('article', { name: 'Direct from your browser' });
		const ask = direct.getByRole('button', { name: 'Ask PocketBase directly' });
		const signIn = page.getByRole('button', { name: 'Sign in as a throwaway user' });
		await signIn.click();
		await expect(page.getByText(/Signed in as demo-\w+@example\.com/).first()).toBeVisible();
		await ask.click();
		await expect(direct.getByText(/user demo-\w+@example\.com of “users”/)).toBeVisible();

		// The reader's host: every answer so far came from it.
		const first = answers.at(-1)?.host;
		expect(first, 'the proxy names the host that answered').toMatch(/^127\.0\.0\.1:\d+$/);
		expect(new Set(answers.map((a) => a.host))).toEqual(new Set([first]));
		const doomed = hosts.find((h) => first === `127.0.0.1:${h.port}`)!;
		// The connection panel's status names it too, from the header on its own health check.
		const status = page.locator('pb-connection-status');
		await status.getByText('Playground status:').click();
		await expect(status.getByText(`You landed on the playground host ${first}`)).toBeVisible();

		// The host dies mid-visit (no goodbye: SIGKILL).
		const killedAt = Date.now();
		await stopProcess(doomed.child, 'SIGKILL');
		const before = answers.length;
		await ask.click();
		const failure = direct.getByRole('alert');
		await expect(failure).toContainText('Your demo account was on a server that stopped.');
		await expect(failure).toContainText('Sign in again');
		const movedMs = Date.now() - killedAt;
		// The sign-in made on the stopped host is gone from the page, and the button is back.
		await expect(signIn).toBeVisible();

		await signIn.click();
		await expect(page.getByText(/Signed in as demo-\w+@example\.com/).first()).toBeVisible();
		await ask.click();
		await expect(direct.getByText(/user demo-\w+@example\.com of “users”/)).toBeVisible();
		await expect(failure).toBeHidden();

		// Everything after the stop came from one other host: no run mixed two.
		const after = answers.slice(before).map((a) => a.host);
		const second = after.at(-1);
		expect(second).toMatch(/^127\.0\.0\.1:\d+$/);
		expect(second).not.toBe(first);
		expect(new Set(after)).toEqual(new Set([second]));
		// The next health check lands on the new host, and the status says so.
		await status.getByRole('button', { name: 'Re-check' }).click();
		await expect(status.getByText(`You landed on the playground host ${second}`)).toBeVisible();
		// A realtime stream on the second host, which then dies too: the SDK reconnects through
		// the proxy to the third, and the demo closes the stream and says why instead of carrying
		// on as a guest who receives nothing.
		await page.goto(`${preview.url}/problem/realtime/?pb=${encodeURIComponent(proxy.url)}`);
		const realtime = page.locator('realtime-streams');
		const subscribe = realtime.getByRole('button', { name: 'Subscribe to my notes' });
		const events = realtime.getByRole('list', { name: 'Events received' }).getByRole('listitem');
		const write = async (text: string) => {
			await realtime.getByLabel('Note text').fill(text);
			await realtime.getByRole('button', { name: 'Create the note' }).click();
		};
		await subscribe.click();
		await expect(realtime.getByText(/^Subscribed to your notes\./)).toBeVisible();
		await write('Before the stop');
		await expect(events.first()).toContainText('create: “Before the stop”');
		expect(answers.at(-1)?.host).toBe(second);
		await stopProcess(hosts.find((h) => second === `127.0.0.1:${h.port}`)!.child, 'SIGKILL');
		const streamPanel = realtime.locator('[data-panel="stream"]');
		await expect(streamPanel.getByRole('alert')).toContainText(
			'Your demo account was on a server that stopped.'
		);
		await subscribe.click();
		await expect(realtime.getByText(/^Subscribed to your notes\./)).toBeVisible();
		await write('After the stop');
		await expect(events.first()).toContainText('create: “After the stop”');
		const last = answers.at(-1)?.host;
		expect(last).toMatch(/^127\.0\.0\.1:\d+$/);
		expect([first, second]).not.toContain(last);

		const figure = `${kind}: moved from ${first} to ${second}, the demo said so ${movedMs} ms after the kill; the realtime demo moved on to ${last}`;
		test.info().annotations.push({ type: 'figure', description: figure });
		console.log(figure);
	} finally {
		for (const stop of stops.reverse()) await stop().catch(() => undefined);
	}
});
