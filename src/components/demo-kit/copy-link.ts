/**
 * "Copy link" for a demo: puts `url` on the clipboard and says so on the button for two seconds.
 * Without clipboard access the button says where the same link is: the address bar, which
 * every demo keeps up to date with its settings.
 */
export async function copyLink(button: HTMLButtonElement, url: URL): Promise<void> {
	const label = button.textContent;
	try {
		await navigator.clipboard.writeText(url.href);
		button.textContent = 'Link copied';
	} catch {
		button.textContent = 'Copy failed: use the address bar';
	}
	setTimeout(() => (button.textContent = label), 2000);
}
