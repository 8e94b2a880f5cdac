interface ImportMetaEnv {
	/** The PocketBase the demos use unless the reader picks another (default: the local playground). */
	readonly PUBLIC_POCKETBASE_URL?: string;
	/** Several playgrounds, one per region (`eu=https://…,us=https://…`): the page uses the nearest. */
	readonly PUBLIC_POCKETBASE_URLS?: string;
}

interface ImportMeta {
	readonly env: ImportMetaEnv;
}
