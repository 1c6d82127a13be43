export const DEMO_MEETING: string;
export const DAYS_SINCE_MEETING: number;
export function demoShift(today: string): number;
export function shiftDeadlines<T extends { documents: Array<Record<string, unknown>> }>(file: T, today?: string): T;
