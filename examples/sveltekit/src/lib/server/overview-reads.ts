import type PocketBase from 'pocketbase';

// The three PocketBase reads of the overview page, shared by its two variants (one load function,
// or three remote queries) so that both send PocketBase the same work. Each is one request.

export interface Account {
	email: string;
}
export interface Note {
	id: string;
	text: string;
}
export interface Article {
	slug: string;
	title: string;
}

// The signed-in user's record, read from PocketBase rather than from the cookie; null for a guest.
export async function readAccount(pb: PocketBase): Promise<Account | null> {
	const id = pb.authStore.record?.id;
	if (!id) return null;
	const user = await pb.collection('users').getOne(id, { fields: 'email' });
	return { email: String(user['email']) };
}

// The notes rules return only this visitor's own notes (none for a guest).
export async function readNotes(pb: PocketBase): Promise<Note[]> {
	const notes = await pb.collection('notes').getFullList({ sort: '-created', fields: 'id,text' });
	return notes.map((note) => ({ id: note.id, text: String(note['text']) }));
}

// Public articles: the same answer for every visitor.
export async function readArticles(pb: PocketBase): Promise<Article[]> {
	const page = await pb
		.collection('articles')
		.getList(1, 3, { sort: 'title', fields: 'slug,title' });
	return page.items.map((article) => ({
		slug: String(article['slug']),
		title: String(article['title']),
	}));
}
