import { headers } from 'next/headers';
import { NoteList } from '@/components/note-list';
import { createServerClient } from '@/lib/pocketbase-server';

// Without Cache Components: one async page, no <Suspense> and no directive. Reading headers()
// makes it render for each request, and `cache: 'no-store'` keeps Next.js's fetch cache out of
// a user-scoped call.
export default async function NotesPage() {
	const pb = createServerClient(await headers()); // this visitor's cookie and IP
	const notes = await pb.collection('notes').getFullList({ sort: '-created', cache: 'no-store' });
	return <NoteList title="Your notes (a client per request)" notes={notes} />;
}
