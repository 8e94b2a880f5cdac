import { headers } from 'next/headers';
import { NoteList } from '@/components/note-list';
import { createServerClient } from '@/lib/pocketbase-server';

export default async function NotesPage() {
	const pb = createServerClient(await headers()); // headers() is async since Next.js 15
	// This visitor's token, so PocketBase applies the notes rules to this visitor.
	const notes = await pb.collection('notes').getFullList({ sort: '-created', cache: 'no-store' });
	return <NoteList title="Your notes (a client per request)" notes={notes} />;
}
