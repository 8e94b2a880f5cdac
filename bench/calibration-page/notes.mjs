// The browser-rendered stand-in for the SvelteKit example's /notes page, bundled with the SDK by
// bench/calibration.mjs: the same call (a guest's getFullList, newest first) and the same markup
// as the example's NoteList, made in the browser straight to PocketBase. The page's HTML names
// PocketBase's address in <meta name="pocketbase">.
import PocketBase from 'pocketbase';

const url = document.querySelector('meta[name="pocketbase"]')?.getAttribute('content') ?? '';
const notes = await new PocketBase(url).collection('notes').getFullList({ sort: '-created' });

const heading = document.createElement('h1');
heading.textContent = 'Your notes (rendered in the browser)';
let content;
if (notes.length === 0) {
	content = document.createElement('p');
	content.textContent = 'No notes.';
} else {
	content = document.createElement('ul');
	content.setAttribute('aria-label', 'Notes');
	content.append(
		...notes.map((note) => {
			const item = document.createElement('li');
			item.textContent = String(note['text']);
			return item;
		})
	);
}
document.body.append(heading, content);
