import { DEFAULT_PAGE_SIZE } from './list-key';
import { MAX_PAGE_SIZE as MAX_LIMIT } from './list-limits';
import { paramInvalidError } from './memory-client-errors';

/** Validated `limit` and `offset`. */
interface Paging {
  limit: number;
  offset: number;
}

/**
 * Reads `limit` (an integer 1..500, default 10) and `offset` (an integer >= 0, default 0) the way
 * the Backend API validates them.
 *
 * @throws RosterApiError 422 `form_param_value_invalid` with `meta.paramName` `limit` or `offset`.
 */
export function readPaging(params: { limit?: unknown; offset?: unknown } | undefined): Paging {
  const limit = params?.limit ?? DEFAULT_PAGE_SIZE;
  const offset = params?.offset ?? 0;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw paramInvalidError('limit', `limit must be an integer between 1 and ${MAX_LIMIT}.`);
  }
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) {
    throw paramInvalidError('offset', 'offset must be an integer greater than or equal to 0.');
  }
  return { limit, offset };
}
