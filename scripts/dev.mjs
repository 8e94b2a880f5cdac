// `npm run dev`: the playground PocketBase and the Astro dev server together.
// Ctrl-C stops both; PocketBase is never left running behind.
import { startPocketBase, stopProcess, waitForHealth } from './pocketbase-process.mjs';
import { spawnAstro } from './site-process.mjs';

const port = Number(process.env.PB_PORT ?? 8090);
// Dev mode (SQL in the log) only here, on the developer's own machine; its output is not kept.
const pocketbase = startPocketBase({ port, stdio: 'ignore', dev: true });
try {
	await waitForHealth(pocketbase.url);
	console.log(`PocketBase playground ready at ${pocketbase.url}`);
} catch (error) {
	console.error(String(error));
	console.error(
		`Is something else using port ${port}? Stop it, or run with PB_PORT=8091 and PUBLIC_POCKETBASE_URL=http://127.0.0.1:8091.`
	);
	await stopProcess(pocketbase.child);
	process.exit(1);
}

const astro = spawnAstro(['dev', ...process.argv.slice(2)], 'inherit');

let stopping = false;
async function stopAll(code = 0) {
	if (stopping) return;
	stopping = true;
	await Promise.all([stopProcess(astro), stopProcess(pocketbase.child)]);
	process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
astro.on('exit', (code) => void stopAll(code ?? 0));
pocketbase.child.on('exit', () => {
	if (!stopping) console.error('PocketBase stopped; the demos will show "not reachable".');
});
