import type { RecordModel } from 'pocketbase';

/** The notes PocketBase returned for the request's auth state, whoever that turned out to be. */
export function NoteList({ title, notes }: { title: string; notes: RecordModel[] }) {
	return (
		<>
			<h1>{title}</h1>
			{notes.length === 0 ? (
				<p>No notes.</p>
			) : (
				<ul aria-label="Notes">
					{notes.map((note) => (
						<li key={note.id}>{String(note['text'])}</li>
					))}
				</ul>
			)}
		</>
	);
}
