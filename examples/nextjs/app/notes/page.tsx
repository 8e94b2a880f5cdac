import { Suspense } from 'react';
import { cacheLife } from 'next/cache';
import { headers } from 'next/headers';
import { NoteList } from '@/components/note-list';
import { createServerClient } from '@/lib/pocketbase-server';

/**
 * This visitor's notes. 'use cache: private' may read the request's headers, and Next.js keeps
 * its result out of every server cache shared between requests: only this browser may reuse it,
 * for `stale` seconds. A shared 'use cache' may not read headers() at all; whatever tells it who
 * is asking must be in its arguments, or one visitor's answer is served to the next.
 */
async function visitorNotes() {
	'use cache: private';
	cacheLife({ stale: 30 });
	const pb = createServerClient(await headers()); // this visitor's cookie and IP
	// This visitor's token, so PocketBase applies the notes rules to this visitor.
	return pb.collection('notes').getFullList({ sort: '-created', cache: 'no-store' });
}

async function Notes() {
	return <NoteList title="Your notes (a client per request)" notes={await visitorNotes()} />;
}

export default function NotesPage() {
	// The request's cookie is known only at request time: the prerendered shell shows the fallback.
	return (
		<Suspense fallback={<p>Loading your notes…</p>}>
			<Notes />
		</Suspense>
	);
}
