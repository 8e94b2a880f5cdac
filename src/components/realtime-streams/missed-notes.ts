/**
 * After a reconnect: events sent while the stream was down are gone, so the notes written
 * meanwhile are re-read, and those no event brought are shown as recovered.
 */
import type PocketBase from 'pocketbase';
import { describeFailure, toRequestFailure } from '~/lib/request-error';
import { eventLine, recoveryText } from './realtime-streams-view';

export interface Note {
	id: string;
	text?: string;
}

/** Notes created since `downSinceIso` (a second early, for clock skew) that `seen` lacks. */
export async function missedNotes(
	pb: PocketBase,
	downSinceIso: string,
	seen: ReadonlySet<string>
): Promise<Note[]> {
	const since = new Date(Date.parse(downSinceIso) - 1000).toISOString().replace('T', ' ');
	const written = await pb.collection('notes').getFullList<Note>({
		filter: pb.filter('created >= {:since}', { since }),
		requestKey: null,
	});
	return written.filter((note) => !seen.has(note.id));
}

/**
 * Re-reads what the stream missed while it was down (since `down`): the event lines of the notes
 * it brings back, which join `seen`, and the sentence that says what recovery found.
 */
export async function recoverMissed(
	pb: PocketBase,
	down: { ms: number; iso: string },
	seen: Set<string>
): Promise<{ lines: string[]; text: string }> {
	try {
		const unseen = await missedNotes(pb, down.iso, seen);
		for (const note of unseen) seen.add(note.id);
		return {
			lines: unseen.map(
				(note) => `${eventLine('create', note.text ?? '', undefined)} (recovered by re-reading)`
			),
			text: recoveryText(performance.now() - down.ms, unseen.length),
		};
	} catch (error) {
		const failure = describeFailure(toRequestFailure(error)).title;
		return { lines: [], text: `Reconnected, but re-reading the notes failed: ${failure}` };
	}
}
