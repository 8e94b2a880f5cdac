/**
 * Calls to a playground PocketBase as a stranger makes them: JSON in, status and parsed JSON
 * out, from any loopback address (anything in 127.0.0.0/8 on Linux is a visitor of its own,
 * which PocketBase tells apart by its TCP peer) and with any headers.
 */
import { Agent, fetch as undiciFetch } from 'undici';
import { expect } from './fixtures';

export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

export interface CallInit {
	method?: string;
	token?: string;
	json?: unknown;
	/** A raw body; a FormData only from 127.0.0.1 (it goes through the global fetch). */
	body?: string | FormData;
	type?: string;
	headers?: Record<string, string>;
	/** The loopback address to call from; 127.0.0.1 unless set. */
	from?: string;
}

const agents = new Map<string, Agent>();
/** One connection pool per source address. */
function agentFor(address: string): Agent {
	let agent = agents.get(address);
	if (!agent) {
		// undici 8 takes the source address as the client's own option, not inside `connect`.
		agent = new Agent({ localAddress: address });
		agents.set(address, agent);
	}
	return agent;
}

export async function call(url: string, path: string, init: CallInit = {}): Promise<Answer> {
	const headers: Record<string, string> = { ...init.headers };
	if (init.token) headers['Authorization'] = init.token;
	if (init.json !== undefined) headers['Content-Type'] = 'application/json';
	if (init.type) headers['Content-Type'] = init.type;
	const method =
		init.method ?? (init.json === undefined && init.body === undefined ? 'GET' : 'POST');
	const body = init.json === undefined ? (init.body ?? null) : JSON.stringify(init.json);
	let response: { status: number; text(): Promise<string> };
	if (typeof body === 'string' || body === null) {
		response = await undiciFetch(url + path, {
			method,
			headers,
			body,
			dispatcher: agentFor(init.from ?? '127.0.0.1'),
		});
	} else {
		if (init.from) throw new Error('A FormData body is sent from 127.0.0.1 only.');
		response = await fetch(url + path, { method, headers, body });
	}
	const text = await response.text();
	return {
		status: response.status,
		body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
	};
}

/** Opens a realtime stream from `from` (127.0.0.1 unless set); cancel its body to close it. */
export function openRealtime(
	url: string,
	init: { from?: string; headers?: Record<string, string> }
) {
	return undiciFetch(`${url}/api/realtime`, {
		headers: init.headers ?? {},
		dispatcher: agentFor(init.from ?? '127.0.0.1'),
	});
}

export const password = 'correct horse battery';

/** Signs a new user up and in; returns the id and token. */
export async function signUp(url: string, email: string, init: Omit<CallInit, 'json'> = {}) {
	const created = await call(url, '/api/collections/users/records', {
		...init,
		json: { email, password, passwordConfirm: password },
	});
	expect(created.status, JSON.stringify(created.body)).toBe(200);
	const auth = await call(url, '/api/collections/users/auth-with-password', {
		...init,
		json: { identity: email, password },
	});
	expect(auth.status).toBe(200);
	return { id: String(created.body['id']), token: String(auth.body['token']) };
}

export async function superuserToken(url: string, superuser: { email: string; password: string }) {
	const auth = await call(url, '/api/collections/_superusers/auth-with-password', {
		json: { identity: superuser.email, password: superuser.password },
	});
	expect(auth.status).toBe(200);
	return String(auth.body['token']);
}
