/**
 * The matrix's real requests: three clients of its own (a guest and throwaway users A and B,
 * so the reader's sign-in is never touched), each recording what it sent and what came back,
 * and the one SDK call each step of the plan makes.
 */
import type PocketBase from 'pocketbase';
import { reportFailure, separateClient, signInThrowawayUser } from '../demo-kit/connection';
import { toRequestFailure } from '~/lib/request-error';
import type { MatrixStep, StepResult, Who } from './rules-matrix-view';

export interface Seen {
	method: string;
	url: string;
	status: number;
}

export type MatrixClients = Record<Who, { pb: PocketBase; seen: () => Seen }>;

/** Records the method, URL and real status of every request a client sends. */
function watch(pb: PocketBase): () => Seen {
	let seen: Seen = { method: '', url: '', status: 0 };
	pb.beforeSend = (url, options) => {
		seen = { method: options.method ?? 'GET', url, status: 0 };
		return { url, options };
	};
	pb.afterSend = (response, data: unknown) => {
		seen.status = response.status;
		return data;
	};
	return () => seen;
}

/** The guest and users A and B, A and B signed in as throwaway users made for this run. */
export async function matrixClients(): Promise<MatrixClients> {
	const [guest, a, b] = await Promise.all([separateClient(), separateClient(), separateClient()]);
	const clients = {
		guest: { pb: guest, seen: watch(guest) },
		a: { pb: a, seen: watch(a) },
		b: { pb: b, seen: watch(b) },
	};
	await signInThrowawayUser(a);
	await signInThrowawayUser(b);
	return clients;
}

/** The records later steps act on, learnt from earlier answers. */
export interface MatrixIds {
	note: string;
	article: string;
}

/** Makes one step's SDK call and says what came back, as the client saw it; never rejects. */
export async function runStep(
	step: MatrixStep,
	clients: MatrixClients,
	ids: MatrixIds
): Promise<StepResult> {
	const client = clients[step.who];
	const result = await send(step, client.pb, clients.a.pb, ids);
	const seen = client.seen();
	return { ...result, method: seen.method, url: seen.url, status: seen.status || result.status };
}

async function send(
	step: MatrixStep,
	pb: PocketBase,
	userA: PocketBase,
	ids: MatrixIds
): Promise<Pick<StepResult, 'status' | 'count' | 'message'>> {
	const records = pb.collection(step.collection);
	const options = { requestKey: null };
	const id = step.collection === 'notes' ? ids.note : ids.article;
	const ownerA = userA.authStore.record?.id ?? '';
	try {
		switch (step.action) {
			case 'list': {
				const page = await records.getList(1, 50, options);
				if (step.collection === 'articles' && page.items[0]) ids.article = page.items[0].id;
				return { status: 200, count: page.totalItems };
			}
			case 'view':
				await records.getOne(id, options);
				return { status: 200 };
			case 'create': {
				const body =
					step.collection === 'notes'
						? { text: `A note made by the rules matrix (${step.who})`, owner: ownerA }
						: { title: 'Matrix article', slug: `matrix-${crypto.randomUUID()}` };
				const created = await records.create(body, options);
				if (step.collection === 'notes' && step.who === 'a') ids.note = created.id;
				return { status: 200 };
			}
			case 'update':
				await records.update(
					id,
					step.collection === 'notes' ? { text: 'Changed by the matrix' } : { title: 'Changed' },
					options
				);
				return { status: 200 };
			case 'delete':
				await records.delete(id, options);
				return { status: 204 };
		}
	} catch (error) {
		const failure = toRequestFailure(error);
		// A refusal is the answer the matrix shows; no answer or a 429 is the connection's news too.
		if (failure.status === 0 || failure.status === 429) await reportFailure(error);
		return { status: failure.status, message: failure.message };
	}
}
