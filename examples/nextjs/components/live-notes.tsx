'use client';
import { useEffect, useState } from 'react';
import PocketBase from 'pocketbase';

export function LiveNotes() {
	const [events, setEvents] = useState<string[]>([]);
	useEffect(() => {
		// In the browser: one client for this tab, fed by the cookie. That works only if the
		// server exported it readable by scripts (exportToCookie({ httpOnly: false })), so set a
		// Content Security Policy.
		const pb = new PocketBase(process.env.NEXT_PUBLIC_POCKETBASE_URL);
		pb.authStore.loadFromCookie(document.cookie);
		const subscribed = pb.collection('notes').subscribe('*', (e) => {
			setEvents((earlier) => [`${e.action}: ${String(e.record['text'])}`, ...earlier]);
		});
		return () => void subscribed.then((unsubscribe) => unsubscribe());
	}, []);
	return (
		<ul aria-label="Live changes">
			{events.map((event, i) => (
				<li key={i}>{event}</li>
			))}
		</ul>
	);
}
