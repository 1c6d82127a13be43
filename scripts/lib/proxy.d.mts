export function startProxy(routes: Record<string, number>): Promise<{ port: number; pacUrl: string; close(): Promise<void> }>;
