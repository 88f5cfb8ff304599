export function ensureServices(): Promise<void>;
