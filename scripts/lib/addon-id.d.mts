export const GECKO_ID: string;
