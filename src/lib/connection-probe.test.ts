import { describe, expect, it } from 'vitest';
import { probePocketBase, type ProbeDeps } from './connection-probe';

const url = 'http://127.0.0.1:8090';
const healthy = { message: 'API is healthy.', code: 200, data: {} };

/** A fetch that answers by mode: what the browser would do for each kind of server. */
function fakeFetch(answers: { cors: () => Response; noCors?: () => Response }): {
	fetch: typeof fetch;
	calls: string[];
} {
	const calls: string[] = [];
	const impl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const target = input instanceof Request ? input.url : String(input);
		calls.push(`${init?.mode ?? 'cors'} ${target}`);
		if (init?.mode === 'no-cors') {
			if (!answers.noCors) return Promise.reject(new TypeError('Failed to fetch'));
			return Promise.resolve(answers.noCors());
		}
		return Promise.resolve(answers.cors());
	};
	return { fetch: impl, calls };
}

function deps(fetchImpl: typeof fetch, pageUrl = 'http://localhost:4321/x/'): ProbeDeps {
	let t = 0;
	return { fetch: fetchImpl, now: () => (t += 5), pageUrl };
}

describe('probePocketBase', () => {
	it('asks /api/health and reports a healthy answer as connected', async () => {
		const { fetch, calls } = fakeFetch({ cors: () => Response.json(healthy) });
		const status = await probePocketBase(url, deps(fetch));
		expect(status.state).toBe('connected');
		expect(calls).toEqual([`cors ${url}/api/health`]);
	});

	it('keeps the host a multi-host deploy names, and none when it names none', async () => {
		const headers = { 'X-Playground-Host': '10.0.0.2:8090' };
		const deployed = fakeFetch({ cors: () => Response.json(healthy, { headers }) });
		expect((await probePocketBase(url, deps(deployed.fetch))).host).toBe('10.0.0.2:8090');
		const single = fakeFetch({ cors: () => Response.json(healthy) });
		expect(await probePocketBase(url, deps(single.fetch))).not.toHaveProperty('host');
	});

	it('tells CORS refusal apart: the same address answers a no-cors request', async () => {
		const { fetch } = fakeFetch({
			cors: () => {
				throw new TypeError('Failed to fetch');
			},
			noCors: () => new Response(null, { status: 200 }),
		});
		const status = await probePocketBase(url, deps(fetch));
		expect(status.state).toBe('blocked');
		expect(status.detail).toContain('http://localhost:4321');
	});

	it('reports nothing answering as unreachable', async () => {
		const { fetch } = fakeFetch({
			cors: () => {
				throw new TypeError('Failed to fetch');
			},
		});
		expect((await probePocketBase(url, deps(fetch))).state).toBe('unreachable');
	});

	it('does not try no-cors for mixed content, and says so', async () => {
		const { fetch, calls } = fakeFetch({
			cors: () => {
				throw new TypeError('Failed to fetch');
			},
			noCors: () => new Response(null),
		});
		const status = await probePocketBase(
			'http://pb.example.com',
			deps(fetch, 'https://guide.example/')
		);
		expect(status.title).toContain('mixed content');
		expect(calls).toHaveLength(1);
	});

	it('reads a 429 and a non-JSON answer', async () => {
		const limited = fakeFetch({
			cors: () =>
				Response.json({ data: {}, message: 'Too Many Requests.', status: 429 }, { status: 429 }),
		});
		expect((await probePocketBase(url, deps(limited.fetch))).state).toBe('rate-limited');
		const html = fakeFetch({ cors: () => new Response('<!doctype html>', { status: 200 }) });
		expect((await probePocketBase(url, deps(html.fetch))).state).toBe('not-pocketbase');
	});
});
