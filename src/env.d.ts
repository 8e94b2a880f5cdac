interface ImportMetaEnv {
	/** The PocketBase the demos use unless the reader picks another (default: the local playground). */
	readonly PUBLIC_POCKETBASE_URL?: string;
}

interface ImportMeta {
	readonly env: ImportMetaEnv;
}
