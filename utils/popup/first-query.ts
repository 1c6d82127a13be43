import type { DocsQuery } from '../shared/docs-query';

/** Rows asked for at once in the grouped list; "Show more" asks for as many again. */
export const ROW_PAGE = 200;

/** The popup's first question (with the local date added): the grouped list of active documents. */
export const FIRST_QUERY: Omit<DocsQuery, 'today'> = { view: 'grouped', status: 'active', offset: 0, limit: ROW_PAGE };

/** Rows drawn before the popup's first paint (more than a screenful); the rest follow it. */
export const FIRST_ROWS = 10;
