import type { SeedPage } from './server.mjs';
export const SEEDS_DIR: string;
export function joinBrokenLinks(text: string): string;
export function renderSeed(text: string, options?: { name?: string }): Omit<SeedPage, 'file' | 'path'>;
export function seedPages(dir?: string): SeedPage[];
export function seedIndexPage(pages: SeedPage[]): string;
