import Link from 'next/link';

export default function Home() {
	return (
		<>
			<h1>PocketBase from a Next.js server</h1>
			<ul>
				<li>
					<Link href="/login">The right way</Link>: a client per request, the auth cookie refreshed
					in proxy.ts.
				</li>
				<li>
					<Link href="/anti-pattern/login">The anti-pattern</Link>: one module-level client shared
					by every visitor.
				</li>
			</ul>
		</>
	);
}
