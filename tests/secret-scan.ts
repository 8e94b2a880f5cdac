/**
 * Looks through a folder (the built site) for what must never ship to browsers: JWTs (a
 * PocketBase auth token is one), private key blocks, long random values assigned to a key,
 * secret, token or password, and given literal values (a signing key, test credentials).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

export interface Finding {
	/** Path relative to the scanned folder. */
	file: string;
	kind: 'jwt' | 'private key' | 'random secret' | 'literal';
	/** What matched, cut short so a report never repeats a whole secret. */
	what: string;
}

export interface Literal {
	label: string;
	value: string;
}

/** Files whose text can hold a readable secret; the rest (images, fonts, Pagefind's compressed
 * index, WebAssembly) are still searched for the literal values, byte for byte. */
const textExtensions = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.xml',
	'.txt',
	'.svg',
	'.map',
	'.webmanifest',
	'',
]);

const jwtPattern = /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;
const privateKeyPattern = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/g;
/** A JWT whose signature was replaced by `recorded`, at the start of a string. */
const recordedToken = /^eyJ[\w-]*\.eyJ[\w-]*\.recorded\b/;

// `apiKey = "…"`, `secret: '…'`, `?token=…`, `"password":"…"`: a name, then a long value.
const assignedPattern =
	/\b[\w-]*(?:key|secret|token|password|passwd)\b["']?\s*[=:]\s*["']?([A-Za-z0-9+/_=-]{20,})/gi;

/** Shannon entropy of a string, in bits per character. */
export function entropy(text: string): number {
	const counts = new Map<string, number>();
	for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
	let bits = 0;
	for (const count of counts.values()) {
		const p = count / text.length;
		bits -= p * Math.log2(p);
	}
	return bits;
}

/**
 * Whether a value looks random rather than like a word or identifier: high entropy, and
 * digits mixed with letters (a name such as `starlight-theme-select` has neither).
 */
export function looksRandom(value: string): boolean {
	return entropy(value) >= 3.5 && /\d/.test(value) && /[A-Za-z]/.test(value);
}

const cut = (text: string) => (text.length > 16 ? `${text.slice(0, 12)}…` : text);

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

/** Everything secret-looking in `dir`, and how many files were read. */
export function scanForSecrets(
	dir: string,
	literals: readonly Literal[]
): { findings: Finding[]; filesScanned: number } {
	const findings: Finding[] = [];
	let filesScanned = 0;
	for (const path of files(dir)) {
		filesScanned++;
		const file = relative(dir, path);
		const bytes = readFileSync(path);
		for (const { label, value } of literals) {
			if (bytes.includes(value)) findings.push({ file, kind: 'literal', what: label });
		}
		if (!textExtensions.has(extname(path))) continue;
		const text = bytes.toString('utf8');
		for (const [match] of text.matchAll(jwtPattern)) {
			findings.push({ file, kind: 'jwt', what: cut(match) });
		}
		for (const [match] of text.matchAll(privateKeyPattern)) {
			findings.push({ file, kind: 'private key', what: match });
		}
		for (const found of text.matchAll(assignedPattern)) {
			const [match, value] = found;
			// A recorded run's token (src/recordings/) has no signature, only the word `recorded`
			// in its place (src/lib/recorded-run.ts): it signs nobody in.
			const rest = text.slice(found.index + match.length - (value?.length ?? 0));
			if (recordedToken.test(rest)) continue;
			if (value && looksRandom(value)) {
				findings.push({ file, kind: 'random secret', what: cut(match) });
			}
		}
	}
	return { findings, filesScanned };
}
