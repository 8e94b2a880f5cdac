/**
 * The pure core of the "your own request" demo: the reader's form and its URL state, the
 * checks it must pass before anything is sent, and the words for what each path sent and got
 * back (the request, the response, the time, the rate-limit bucket). No DOM, no network; the
 * element makes the calls and hands the exchanges here.
 */
import { formatMs } from '../demo-kit/format';
import { coldStartDraws, scenarioPresets, type RequestModel } from '~/lib/network-model';
import { cookieFlow, flowHop, oneCallFlow } from '~/lib/server-flows';
import { describeRateLimit } from '~/lib/playground-migrations';
import {
	collectionRequest,
	playgroundRules,
	pocketBaseDefaultRules,
	RateLimiterModel,
	type CollectionRouteName,
	type LimiterSettings,
} from '~/lib/rate-limiter';
import {
	requestMethods,
	type JsonValue,
	type RequestMethod,
	type RequestSpec,
} from '~/lib/request-code';
import { simulatedServerHeader } from '~/lib/simulated-server';
import {
	defaultSettings as schemaDefaults,
	type Schema,
	type Settings,
	type TextField as TextFieldSpec,
} from '~/lib/url-state';

/** The URL-state prefix of this demo (`?own-method=create`). */
export const urlPrefix = 'own-';

export const presetIds = scenarioPresets.map((preset) => preset.id);
type PresetId = (typeof presetIds)[number];

/** A free-text field of the form: at most `maxLength` characters, empty unless given a default. */
const text = (label: string, maxLength: number, defaultValue = ''): TextFieldSpec => ({
	kind: 'text',
	label,
	maxLength,
	default: defaultValue,
});

/**
 * Every setting of the form, bound to the URL (`?own-method=view&own-id=…`). The free-text
 * fields have a most each may hold, so a link stays shareable; the password is not here: it
 * is never put in the link.
 */
export const ownSchema = {
	method: {
		kind: 'choice',
		label: 'Method',
		options: requestMethods,
		default: 'list',
	},
	server: {
		kind: 'choice',
		label: 'Where the simulated server runs',
		options: presetIds,
		default: 'same-datacenter',
	},
	collection: text('Collection', 100, 'articles'),
	filter: text('Filter', 500, 'title ~ {:q}'),
	params: text('Filter parameters (JSON)', 500, '{"q": "rules"}'),
	sort: text('Sort', 200, '-created'),
	expand: text('Expand', 200),
	id: text('Record id', 100),
	body: { ...text('Body (JSON)', 2000, '{"text": "A note from my own request"}'), multiline: true },
	identity: text('Email', 200),
} as const satisfies Schema;

export const methodLabels: Record<RequestMethod, string> = {
	list: 'list (getList)',
	view: 'view (getOne)',
	create: 'create',
	update: 'update',
	delete: 'delete',
	auth: 'auth-with-password',
};

export const presetLabels = Object.fromEntries(
	scenarioPresets.map((preset) => [preset.id, preset.name])
) as Record<PresetId, string>;

export type OwnForm = Settings<typeof ownSchema>;
/** The free-text fields. */
export type TextField = Exclude<keyof OwnForm, 'method' | 'server'>;
export const textFieldNames = (Object.keys(ownSchema) as (keyof OwnForm)[]).filter(
	(key): key is TextField => ownSchema[key].kind === 'text'
);

/** The collections the playground has; on another PocketBase the reader types a name. */
export const playgroundCollections = ['articles', 'notes', 'users'] as const;

export const defaultForm: OwnForm = schemaDefaults(ownSchema);

/** A filter, a sort and a body that fit each playground collection, offered when it is picked. */
export function collectionDefaults(
	collection: string
): Pick<OwnForm, 'filter' | 'params' | 'sort' | 'body'> | undefined {
	switch (collection) {
		case 'articles':
			return {
				filter: defaultForm.filter,
				params: defaultForm.params,
				sort: defaultForm.sort,
				body: '{"title": "Mine", "slug": "mine"}',
			};
		case 'notes':
			return {
				filter: 'text ~ {:q}',
				params: '{"q": "note"}',
				sort: '-created',
				body: defaultForm.body,
			};
		case 'users':
			return {
				filter: 'email ~ {:q}',
				params: '{"q": "example.com"}',
				sort: '',
				body: '{"email": "not-an-email", "password": "short", "passwordConfirm": "short"}',
			};
		default:
			return undefined;
	}
}

/**
 * The body with `owner` set to the signed-in user, as the notes create rule asks
 * (`@request.body.owner = @request.auth.id`); text that is not a JSON object is left as it is.
 */
export function withOwner(body: string, owner: string): string {
	try {
		const value = JSON.parse(body) as unknown;
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return body;
		return JSON.stringify({ ...value, owner });
	} catch {
		return body;
	}
}

/** Which fields a method uses; the others are hidden and left out of the code. */
export function fieldsFor(method: RequestMethod): TextField[] {
	switch (method) {
		case 'list':
			return ['collection', 'filter', 'params', 'sort', 'expand'];
		case 'view':
			return ['collection', 'id', 'expand'];
		case 'create':
			return ['collection', 'body', 'expand'];
		case 'update':
			return ['collection', 'id', 'body', 'expand'];
		case 'delete':
			return ['collection', 'id'];
		case 'auth':
			return ['collection', 'identity'];
	}
}

/**
 * Cold starts for the simulated server, drawn from a seeded source per place it runs, so a
 * series of runs meets the same cold starts on every visit (and in tests).
 */
export function coldStarts(seed = ownSeed): (server: PresetId) => boolean {
	const draws = new Map<PresetId, () => boolean>();
	return (server) => {
		let draw = draws.get(server);
		if (!draw) {
			const preset = scenarioPresets.find((p) => p.id === server) ?? scenarioPresets[0]!;
			draw = coldStartDraws(preset.scenario.coldStartChance, seed);
			draws.set(server, draw);
		}
		return draw();
	};
}

/** The seed of this demo's cold starts. */
export const ownSeed = 1;

export interface FieldProblem {
	field: TextField;
	message: string;
}

export type Checked =
	{ ok: true; spec: Omit<RequestSpec, 'pocketBaseUrl'> } | { ok: false; problems: FieldProblem[] };

/** PocketBase collection names: letters, digits and underscores. */
const collectionName = /^[A-Za-z0-9_]+$/;

function parseObject(text: string): Record<string, JsonValue> | string {
	if (text.trim() === '') return {};
	try {
		const value = JSON.parse(text) as unknown;
		if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
			return value as Record<string, JsonValue>;
		}
		return 'must be a JSON object, such as {"q": "rules"}';
	} catch (error) {
		return `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
	}
}

/**
 * What the form asks for, or what is wrong with it before any request is sent: only what the
 * browser can know. Everything PocketBase decides (a bad filter, a missing field, a rule)
 * is left for PocketBase to answer.
 */
export function checkForm(form: OwnForm, { playground }: { playground: boolean }): Checked {
	const problems: FieldProblem[] = [];
	const used = new Set(fieldsFor(form.method));
	const collection = form.collection.trim();
	if (!collectionName.test(collection)) {
		problems.push({
			field: 'collection',
			message: 'A collection name is letters, digits and underscores, such as posts or my_items.',
		});
	} else if (playground && !(playgroundCollections as readonly string[]).includes(collection)) {
		problems.push({
			field: 'collection',
			message: `The playground has ${playgroundCollections.join(', ')}.`,
		});
	}
	const params = used.has('params') ? parseObject(form.params) : {};
	if (typeof params === 'string')
		problems.push({ field: 'params', message: `The parameters field ${params}.` });
	const body = used.has('body') ? parseObject(form.body) : {};
	if (typeof body === 'string') problems.push({ field: 'body', message: `The body ${body}.` });
	if (used.has('id') && form.id.trim() === '') {
		problems.push({ field: 'id', message: 'This method needs a record id.' });
	}
	if (used.has('identity') && form.identity.trim() === '') {
		problems.push({ field: 'identity', message: 'Signing in needs an email (or username).' });
	}
	if (problems.length || typeof params === 'string' || typeof body === 'string') {
		return { ok: false, problems };
	}
	return {
		ok: true,
		spec: {
			collection,
			method: form.method,
			filter: used.has('filter') ? form.filter.trim() : '',
			params: used.has('filter') && form.filter.trim() !== '' ? params : {},
			sort: used.has('sort') ? form.sort.trim() : '',
			expand: used.has('expand') ? form.expand.trim() : '',
			recordId: form.id.trim(),
			body,
			identity: form.identity.trim(),
		},
	};
}

/** Placeholders the filter uses that have no parameter, and parameters it does not use. */
export function filterHints(filter: string, params: Readonly<Record<string, unknown>>): string[] {
	const placeholders = new Set([...filter.matchAll(/\{:([^}]+)\}/g)].map((match) => match[1]!));
	const hints: string[] = [];
	for (const name of placeholders) {
		if (!(name in params)) hints.push(`{:${name}} has no parameter, so it is sent as it stands.`);
	}
	for (const name of Object.keys(params)) {
		if (!placeholders.has(name)) hints.push(`The parameter ${name} is not used by the filter.`);
	}
	if (/["']/.test(filter.replace(/""|''/g, ''))) {
		hints.push(
			'The filter holds a quoted value: pass it as a {:name} parameter instead, so pb.filter() quotes it.'
		);
	}
	return hints;
}

/** The simulated server for this demo: the chosen preset, one call (two with a sign-in). */
export function ownHop(server: PresetId, signedIn: boolean, cold = false): RequestModel {
	// hooks.server.ts refreshes a signed-in visitor's token before the page's own call, which
	// alone is made for real.
	return flowHop(signedIn ? cookieFlow : oneCallFlow, { preset: server, cold });
}

/** One request as it left the browser and what came back (status 0: no answer). */
export interface Exchange {
	method: string;
	url: string;
	requestHeaders: readonly (readonly [string, string])[];
	response?: {
		status: number;
		headers: readonly (readonly [string, string])[];
		bodyText: string;
	};
}

export interface Row {
	name: string;
	value: string;
}

const header = (headers: Exchange['requestHeaders'], name: string) =>
	headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** The URL decoded for reading, without the demo's timing marker. */
export function shownUrl(url: string): string {
	const [path, query = ''] = url.split('?');
	const parts = query
		.split('&')
		.filter((part) => part !== '' && !part.startsWith('timing='))
		.map((part) => {
			try {
				return decodeURIComponent(part.replace(/\+/g, ' '));
			} catch {
				return part;
			}
		});
	return parts.length ? `${path}?${parts.join('&')}` : path!;
}

export function requestRows(exchange: Exchange): Row[] {
	const auth = header(exchange.requestHeaders, 'Authorization');
	const server = header(exchange.requestHeaders, simulatedServerHeader);
	const type = header(exchange.requestHeaders, 'Content-Type');
	return [
		{ name: 'Request', value: `${exchange.method} ${shownUrl(exchange.url)}` },
		{
			name: 'Authorization',
			value: auth ? `sent (a token of ${auth.length} characters, not shown)` : 'none (a guest)',
		},
		{ name: simulatedServerHeader, value: server ?? 'not sent' },
		...(type ? [{ name: 'Content-Type', value: type }] : []),
	];
}

/** The most of a response body the demo shows. */
export const bodyLimit = 4000;

/** A body pretty-printed when it is JSON, cut at `limit` characters with a note. */
export function prettyBody(text: string, limit = bodyLimit): string {
	let pretty = text;
	try {
		pretty = text.trim() === '' ? '(empty)' : JSON.stringify(JSON.parse(text), null, 2);
	} catch {
		// Not JSON: shown as it came.
	}
	if (pretty.length <= limit) return pretty;
	return `${pretty.slice(0, limit)}\n… (${pretty.length - limit} more characters not shown)`;
}

export function responseRows(exchange: Exchange): Row[] {
	const response = exchange.response;
	if (!response || response.status === 0) {
		return [{ name: 'Response', value: 'none: the request got no answer' }];
	}
	const type = header(response.headers, 'Content-Type');
	return [
		{ name: 'Status', value: statusText(response.status) },
		{ name: 'Content-Type', value: type ?? 'none' },
		{
			name: 'Rate limit',
			value:
				response.status === 429
					? 'refused: this address used up its window'
					: 'let through (PocketBase sends no rate-limit headers; a 429 is the only sign)',
		},
	];
}

const statusWords: Record<number, string> = {
	200: 'OK',
	204: 'No Content',
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	429: 'Too Many Requests',
};
export const statusText = (status: number) => `${status} ${statusWords[status] ?? ''}`.trim();

/** The route the limiter sees for each method. */
export const limiterRoute: Record<RequestMethod, CollectionRouteName> = {
	list: 'list',
	view: 'view',
	create: 'create',
	update: 'update',
	delete: 'delete',
	auth: 'authWithPassword',
};

const playgroundSettings: LimiterSettings = {
	rateLimits: { enabled: true, rules: playgroundRules, excludedIPs: [] },
	trustedProxy: { headers: [simulatedServerHeader], useLeftmostIP: false },
};
/** Another PocketBase: its default rules if the limiter is on, and no trusted header. */
const defaultSettings: LimiterSettings = {
	rateLimits: { enabled: true, rules: pocketBaseDefaultRules, excludedIPs: [] },
	trustedProxy: { headers: [], useLeftmostIP: false },
};

/**
 * Stand-ins for the two addresses: the model only needs them to differ. What the simulated
 * server really sends in its header is shown as sent (requestRows).
 */
const readerAddr = '192.0.2.1:1';
const serverAddr = '2001:db8::1';

/** Which rule a request meets and whose address it counts against, in one sentence. */
export function bucketText(
	path: 'direct' | 'proxy',
	method: RequestMethod,
	collection: string,
	{ playground, signedIn }: { playground: boolean; signedIn: boolean }
): string {
	const model = new RateLimiterModel(playground ? playgroundSettings : defaultSettings);
	const resolve = (proxied: boolean) =>
		model.resolve(
			collectionRequest(
				limiterRoute[method],
				{ id: collection, name: collection },
				{
					caller: signedIn ? 'user' : 'guest',
					remoteAddr: readerAddr,
					headers: proxied ? [[simulatedServerHeader, serverAddr]] : [],
				}
			)
		);
	const resolved = resolve(path === 'proxy');
	if (resolved.skip !== false) return 'No rule matches; the limiter lets it through.';
	const rule = `“${resolved.rule.label}” (${describeRateLimit(resolved.rule)})`;
	const where = capitalise(
		playground ? 'the playground’s rule' : 'PocketBase’s default rule, if your limiter is on,'
	);
	if (path === 'direct') {
		return `${where} ${rule}, counted for your own address: a window for you alone.`;
	}
	if (resolved.key !== resolve(false).key) {
		return `${where} ${rule}, counted for the server’s address: a real server has one, shared by every visitor it serves.`;
	}
	return `${where} ${rule}, counted for your address: your PocketBase trusts no ${simulatedServerHeader} header, so the simulation cannot show the server’s identity there. A real server’s requests all come from its one address.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a call's time was got: measured now, or replayed at the time a recorded run took. */
const timed = (recorded: boolean) => (recorded ? 'as recorded' : 'measured');

export function directTimeText(measuredMs: number, recorded = false): string {
	return `${formatMs(measuredMs)} ${timed(recorded)}.`;
}

export function proxyTimeText(hopMs: number, measuredMs: number, recorded = false): string {
	const call = recorded ? 'call, as recorded' : 'measured call';
	return `${formatMs(hopMs + measuredMs)}: ${formatMs(hopMs)} modelled server hop + ${formatMs(measuredMs)} ${call}.`;
}

/** Who the requests go out as. */
export function sessionText(email: string | undefined): string {
	return email
		? `Signed in as ${email} (a throwaway user, deleted within about an hour): both paths send its token.`
		: 'You are not signed in: requests go out as a guest.';
}
