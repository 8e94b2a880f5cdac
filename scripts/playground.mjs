// `npm run playground`: the local PocketBase every demo talks to, alone.
// Data lives in playground/pb_data (git-ignored); migrations apply on start.
import { startPocketBase, stopProcess } from './pocketbase-process.mjs';

const port = Number(process.env.PB_PORT ?? 8090);
const { child, url } = startPocketBase({ port });
console.log(`PocketBase playground: ${url} (dashboard at ${url}/_/)`);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => void stopProcess(child).then(() => process.exit(0)));
}
child.on('exit', (code) => process.exit(code ?? 1));
