// The one place that decides how `pocketbase serve` is started for the playground. The
// launcher (scripts/pocketbase-process.mjs) builds its arguments here, and
// scripts/serve-flags.test.ts checks that playground/deploy/pocketbase-playground.service and
// playground/deploy/README.md start PocketBase with exactly these arguments in public mode.

/**
 * Seconds a SELECT may run before PocketBase cancels it (PocketBase's default is 30). The demos'
 * queries take milliseconds; a stranger's costly filter should not hold a core for half a minute.
 */
export const publicQueryTimeoutSeconds = 5;

/**
 * JS runtimes PocketBase prewarms (its default is 15). Each global JS middleware holds a runtime
 * for as long as a realtime stream is open, and the playground has two
 * (playground/pb_hooks/simulated-server-ip.pb.js and request-bounds.pb.js), which caps streams at
 * 500. Past the pool every request builds fresh runtimes: in the 200-visitor load run that cost
 * PocketBase 8.8 ms of CPU per request instead of 5.0 ms (playground/README.md).
 */
export const publicHooksPool = 2 * 500 + 15;

/**
 * @typedef {{ dataDir: string; migrationsDir: string; hooksDir: string }} Dirs
 * @typedef {Dirs & { host: string; port: number; dev: boolean }} LocalOptions
 * @typedef {Dirs & { origins: string[]; domain?: string; http?: string }} PublicOptions
 */

/**
 * Local runs (`npm run playground`, `npm run dev`, the tests, the bench): loopback only, and CORS
 * left at PocketBase's default `*`, because the site is served from ports picked at run time (the
 * e2e and bench previews take a free port) and a reader's own `?pb=` may point anywhere.
 * @param {LocalOptions} options
 */
export function localServeArgs(options) {
	return [
		'serve',
		`--http=${options.host}:${options.port}`,
		`--dir=${options.dataDir}`,
		`--migrationsDir=${options.migrationsDir}`,
		`--hooksDir=${options.hooksDir}`,
		`--dev=${options.dev}`,
	];
}

/**
 * The public playground. With `domain`, PocketBase listens on :80 and :443 and gets its own
 * certificate (`serve your.domain`); with `http` instead, it listens there without TLS (behind a
 * proxy, `127.0.0.1:8090`). `origins` are the site's own origins: CORS answers only them.
 * Dev mode is off (no SQL or mail in the log), hooks are not reloaded on file changes, dashboard
 * edits write no migration files, and SELECTs stop after {@link publicQueryTimeoutSeconds} s.
 * @param {PublicOptions} options
 */
export function publicServeArgs(options) {
	if (options.origins.length === 0 || options.origins.some((o) => !/^https?:\/\/[^/]+$/.test(o))) {
		throw new Error(
			`Public mode needs the site's origins, like https://guide.example (got ${JSON.stringify(options.origins)}).`
		);
	}
	if (!options.domain && !options.http) {
		throw new Error('Public mode needs a domain (automatic TLS) or an --http address.');
	}
	return [
		'serve',
		...(options.domain ? [options.domain] : []),
		...(options.http ? [`--http=${options.http}`] : []),
		`--origins=${options.origins.join(',')}`,
		'--dev=false',
		`--dir=${options.dataDir}`,
		`--migrationsDir=${options.migrationsDir}`,
		`--hooksDir=${options.hooksDir}`,
		'--hooksWatch=false',
		'--automigrate=false',
		`--queryTimeout=${publicQueryTimeoutSeconds}`,
		`--hooksPool=${publicHooksPool}`,
	];
}

/**
 * The example deployment that playground/deploy/ documents: the paths and names its unit file,
 * README and proxy configurations use, so the tests can rebuild their command line from
 * {@link publicServeArgs} and check that the proxies point at the same PocketBase.
 */
export const deployExample = {
	binary: '/opt/pocketbase-playground/pocketbase',
	/** The name the demos call: the proxy's site (or, in the direct form, PocketBase's own). */
	domain: 'playground.example.com',
	/** Where PocketBase listens behind the proxy: loopback only, so the proxy is the only way in. */
	http: '127.0.0.1:8090',
	origins: ['https://guide.example.com'],
	dataDir: '/var/lib/pocketbase-playground',
	migrationsDir: '/opt/pocketbase-playground/pb_migrations',
	hooksDir: '/opt/pocketbase-playground/pb_hooks',
};

/**
 * The command line of the example deployment: behind a proxy (the recipe's default, PocketBase on
 * {@link deployExample}.http), or `direct`, PocketBase facing the internet with its own
 * certificate for {@link deployExample}.domain.
 * @param {'proxy' | 'direct'} form
 */
export function deployServeArgs(form) {
	const { binary, domain, http, ...rest } = deployExample;
	return publicServeArgs(form === 'proxy' ? { ...rest, http } : { ...rest, domain });
}
