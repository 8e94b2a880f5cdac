import { Suspense } from 'react';
import { connection } from 'next/server';
import { NoteList } from '@/components/note-list';
import { pb } from '@/lib/pocketbase';

// Whose notes? Whoever signed in last, in any browser.
async function Notes() {
	await connection(); // rendered for each request, not once at build time
	const notes = await pb.collection('notes').getFullList({ sort: '-created', cache: 'no-store' });
	return <NoteList title="Your notes? (one shared client)" notes={notes} />;
}

export default function NotesPage() {
	return (
		<Suspense fallback={<p>Loading notes…</p>}>
			<Notes />
		</Suspense>
	);
}
