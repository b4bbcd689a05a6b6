// Tells "the database is away" apart from every other database error, so the API can answer 503
// (come back later) instead of 500 (we are broken) while PostgreSQL restarts or fails over.

/** Prisma's codes for a server it cannot reach, a connection it lost, or a pool it cannot draw from. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);

/** The driver adapter's kinds behind those codes; raw queries report them under P2010. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * PostgreSQL's own: connection exceptions (08…), a server shutting down or starting up (57P01–57P03),
 * too many connections (53300).
 */
const PG_STATE = /^(08...|57P0[123]|53300)$/;

const NODE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

interface MaybeDbError {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } };
  cause?: unknown;
  message?: unknown;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as MaybeDbError;
  if (typeof e.code === 'string' && (PRISMA_CODES.has(e.code) || NODE_SOCKET.has(e.code) || PG_STATE.test(e.code))) return true;
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && ((cause.kind && ADAPTER_KINDS.has(cause.kind)) || (cause.originalCode && PG_STATE.test(cause.originalCode)))) return true;
  // A pool that cannot connect in time says so only in words.
  if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== err && isDatabaseUnavailable(e.cause);
}
