// Finds a Chromium for Playwright without downloading one: $CHROMIUM_PATH, then a system
// Chrome/Chromium, then the Chromium packed inside the npm package @sparticuz/chromium (Linux).
// Used by the e2e tests, the diagram renderer and the benchmarks, so all three see the same browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @type {Partial<Record<NodeJS.Platform, string[]>>} */
const systemCandidates = {
	linux: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
	darwin: [
		'/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
		'/Applications/Chromium.app/Contents/MacOS/Chromium',
	],
	win32: [
		'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
		'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
	],
};

/**
 * Flags for a headless Chromium on a machine whose network reaches only what the project runs.
 * Deliberately not @sparticuz/chromium's own `args`: those disable web security (CORS), which
 * the demos' tests depend on.
 */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

/** @param {string} name */
function onPath(name) {
	try {
		const found = execFileSync('which', [name], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		return found.trim() || undefined;
	} catch {
		return undefined;
	}
}

/** @returns {Promise<{ executablePath: string; source: string }>} */
export async function resolveBrowser() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv))
			throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
		return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
	}
	for (const candidate of systemCandidates[process.platform] ?? []) {
		const path =
			candidate.includes('/') || candidate.includes('\\') ? candidate : onPath(candidate);
		if (path && existsSync(path)) return { executablePath: path, source: 'system' };
	}
	if (process.platform === 'linux') {
		try {
			const { default: chromium } = await import('@sparticuz/chromium');
			return { executablePath: await chromium.executablePath(), source: '@sparticuz/chromium' };
		} catch (error) {
			throw new Error(`${noBrowserMessage}\n(@sparticuz/chromium failed: ${String(error)})`, {
				cause: error,
			});
		}
	}
	throw new Error(noBrowserMessage);
}

const noBrowserMessage = [
	'No Chromium found for the browser tests.',
	'Set CHROMIUM_PATH to a Chrome or Chromium executable, or install Google Chrome.',
	'On Linux x64/arm64, `npm install` brings one in @sparticuz/chromium; reinstall if it is missing.',
].join('\n');
