// The add-on's id on addons.mozilla.org: one id, generated once for Docket (a UUID needs no domain to
// prove), that every Firefox build carries. Never change it: Firefox keeps a member's data under it,
// and AMO offers updates only to the same id.
export const GECKO_ID = '{b7d7c5f1-76d8-4a9b-8074-fd5ad89cc9c5}';
