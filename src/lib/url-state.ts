/**
 * Demo settings in the page URL, so a link reopens the same setup.
 *
 * A demo declares a schema (each field's kind, bounds and default); this module turns settings
 * into query parameters and back. Decoding never throws: whatever a link contains, the demo
 * gets a complete, in-bounds settings object plus a list of problems in plain words to show
 * next to it. Each demo uses its own prefix (`lx-`, `race-`...; a second copy of a demo on one
 * page its own, see demoUrlPrefix() in the demo kit), so several demos can share a page and
 * leave each other's parameters, and `?pb=`, alone.
 */

interface FieldBase {
	/** How the setting is named on screen; used in problem messages. */
	label: string;
}

export interface IntegerField extends FieldBase {
	kind: 'integer';
	min: number;
	max: number;
	default: number;
}

export interface NumberField extends FieldBase {
	kind: 'number';
	min: number;
	max: number;
	default: number;
	/** Digits kept after the decimal point, in the URL and after decoding. */
	decimals: number;
}

export interface ChoiceField<Option extends string = string> extends FieldBase {
	kind: 'choice';
	options: readonly Option[];
	default: Option;
}

export interface BooleanField extends FieldBase {
	kind: 'boolean';
	default: boolean;
}

/**
 * Free text the reader types (a filter, a record id, a JSON body). Kept as typed, spaces and
 * all, but never longer than `maxLength`, so a link stays shareable; a longer value in a link
 * is refused whole rather than cut, since half a filter means something else.
 */
export interface TextField extends FieldBase {
	kind: 'text';
	maxLength: number;
	default: string;
	/** Whether line breaks belong in it (a textarea); a one-line field refuses them. */
	multiline?: boolean;
}

export type FieldSpec = IntegerField | NumberField | ChoiceField | BooleanField | TextField;
export type Schema = Readonly<Record<string, FieldSpec>>;

export type FieldValue<F extends FieldSpec> =
	F extends ChoiceField<infer Option>
		? Option
		: F extends BooleanField
			? boolean
			: F extends TextField
				? string
				: number;

export type Settings<S extends Schema> = { -readonly [K in keyof S]: FieldValue<S[K]> };

export interface Decoded<S extends Schema> {
	value: Settings<S>;
	/** One sentence per ignored or corrected parameter, in reader-facing words. */
	problems: string[];
}

/** `routeFactor` → `route-factor`: query parameters read better in kebab case. */
export function paramName(key: string, prefix = ''): string {
	return prefix + key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function defaultSettings<S extends Schema>(schema: S): Settings<S> {
	const value: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(schema)) value[key] = field.default;
	return value as Settings<S>;
}

// Plain decimal notation only: Number() alone would accept '0x10', '1e3', ' ' and 'Infinity'.
const decimalPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

const roundTo = (value: number, decimals: number) => {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
};

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

const booleanWords: Record<string, boolean> = {
	'1': true,
	true: true,
	yes: true,
	on: true,
	'0': false,
	false: false,
	no: false,
	off: false,
};

function formatDefault(field: FieldSpec): string {
	if (field.kind === 'boolean') return field.default ? 'on' : 'off';
	if (field.kind === 'text') return field.default === '' ? 'empty' : `“${field.default}”`;
	return String(field.default);
}

/** At most this many characters of a raw value are quoted back in a problem sentence. */
const quotedLimit = 40;

const lineBreak = /[\r\n]/;
// Control characters other than tab and line breaks: invisible on screen, so refused.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function decodeField(
	field: FieldSpec,
	raw: string,
	shown: string
): { value: unknown; problem?: string } {
	if (field.kind === 'text') return decodeText(field, raw, shown);
	const text = raw.trim();
	const fallback = `using the default, ${formatDefault(field)}`;
	switch (field.kind) {
		case 'integer':
		case 'number': {
			const range = `from ${field.min} to ${field.max}`;
			const what = field.kind === 'integer' ? 'a whole number' : 'a number';
			if (!decimalPattern.test(text)) {
				return {
					value: field.default,
					problem: `${shown}: ${field.label} must be ${what} ${range}; ${fallback}.`,
				};
			}
			const parsed = Number(text);
			const rounded =
				field.kind === 'integer' ? Math.round(parsed) : roundTo(parsed, field.decimals);
			const value = clamp(rounded, field.min, field.max);
			if (value !== rounded) {
				return {
					value,
					problem: `${shown}: ${field.label} must be ${range}; using ${value}.`,
				};
			}
			if (field.kind === 'integer' && rounded !== parsed) {
				return {
					value,
					problem: `${shown}: ${field.label} must be a whole number; using ${value}.`,
				};
			}
			return { value };
		}
		case 'choice': {
			if (field.options.includes(text)) return { value: text };
			return {
				value: field.default,
				problem: `${shown}: ${field.label} must be one of ${field.options.join(', ')}; ${fallback}.`,
			};
		}
		case 'boolean': {
			const value = booleanWords[text.toLowerCase()];
			if (value !== undefined) return { value };
			return {
				value: field.default,
				problem: `${shown}: ${field.label} must be 1 (on) or 0 (off); ${fallback}.`,
			};
		}
	}
}

function decodeText(
	field: TextField,
	raw: string,
	shown: string
): { value: string; problem?: string } {
	const refuse = (why: string) => ({
		value: field.default,
		problem: `${shown}: ${field.label} ${why}; using the default, ${formatDefault(field)}.`,
	});
	if (raw.length > field.maxLength) {
		return refuse(`must be at most ${field.maxLength} characters (this one has ${raw.length})`);
	}
	if (!field.multiline && lineBreak.test(raw)) return refuse('must be one line');
	if (controlCharacter.test(raw)) return refuse('must not hold control characters');
	return { value: raw };
}

/** `“name=value”`, the value cut short so a long one does not bury the sentence. */
function quoteParam(name: string, raw: string): string {
	const value = raw.length > quotedLimit ? `${raw.slice(0, quotedLimit)}…` : raw;
	return `“${name}=${value}”`;
}

/** Reads the settings under `prefix` from `params`; never throws. */
export function decodeSettings<S extends Schema>(
	schema: S,
	params: URLSearchParams,
	prefix = ''
): Decoded<S> {
	const value: Record<string, unknown> = {};
	const problems: string[] = [];
	const known = new Set<string>();
	for (const [key, field] of Object.entries(schema)) {
		const name = paramName(key, prefix);
		known.add(name);
		const all = params.getAll(name);
		if (all.length === 0) {
			value[key] = field.default;
			continue;
		}
		const raw = all[0]!;
		const decoded = decodeField(field, raw, quoteParam(name, raw));
		value[key] = decoded.value;
		if (decoded.problem) problems.push(decoded.problem);
		if (all.length > 1) {
			problems.push(`“${name}” appears ${all.length} times in the link; only the first counts.`);
		}
	}
	if (prefix !== '') {
		const unknown = new Set<string>();
		for (const name of params.keys()) {
			if (name.startsWith(prefix) && !known.has(name)) unknown.add(name);
		}
		for (const name of unknown) {
			problems.push(`“${name}” is not a setting of this demo; it was ignored.`);
		}
	}
	return { value: value as Settings<S>, problems };
}

function encodeField(field: FieldSpec, value: unknown): string {
	switch (field.kind) {
		case 'integer':
			return String(clamp(Math.round(Number(value)), field.min, field.max));
		case 'number':
			// Number(...) drops trailing zeros: 1.50 → "1.5".
			return String(clamp(roundTo(Number(value), field.decimals), field.min, field.max));
		case 'choice':
			return String(value);
		case 'boolean':
			return value ? '1' : '0';
		case 'text':
			return String(value).slice(0, field.maxLength);
	}
}

/** Every setting as query parameters under `prefix`, defaults included, so links stay stable. */
export function encodeSettings<S extends Schema>(
	schema: S,
	value: Settings<S>,
	prefix = ''
): URLSearchParams {
	const params = new URLSearchParams();
	for (const [key, field] of Object.entries(schema)) {
		params.set(paramName(key, prefix), encodeField(field, (value as Record<string, unknown>)[key]));
	}
	return params;
}

/**
 * Returns a copy of `current` with this demo's parameters replaced by `value`, leaving every
 * other parameter (other demos, `?pb=`) where it was.
 */
export function withSettings<S extends Schema>(
	current: URLSearchParams,
	schema: S,
	value: Settings<S>,
	prefix: string
): URLSearchParams {
	const next = new URLSearchParams();
	for (const [name, raw] of current) {
		if (!name.startsWith(prefix)) next.append(name, raw);
	}
	for (const [name, raw] of encodeSettings(schema, value, prefix)) next.append(name, raw);
	return next;
}
