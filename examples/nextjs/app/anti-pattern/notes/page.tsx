import { NoteList } from '@/components/note-list';
import { pb } from '@/lib/pocketbase';

// Whose notes? Whoever signed in last, in any browser.
export default async function NotesPage() {
	const notes = await pb.collection('notes').getFullList({ sort: '-created', cache: 'no-store' });
	return <NoteList title="Your notes? (one shared client)" notes={notes} />;
}
