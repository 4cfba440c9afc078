// The Backend API's limits on list requests, defined once for every emulation and validator of it
// (the in-memory client, the local Backend API, the browser-facing handler).

/** The largest page (`limit`) a list request may ask for. */
export const MAX_PAGE_SIZE = 500;

/** The most values an array filter (`user_id[]`, `role[]`, `email_address[]`, ...) may carry. */
export const MAX_FILTER_VALUES = 100;
