/**
 * After a reconnect: events sent while the stream was down are gone, so the notes written
 * meanwhile are re-read, and those no event brought are returned.
 */
import type PocketBase from 'pocketbase';

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
