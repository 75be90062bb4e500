/** MariaDB's errors as comparable facts: from a mysql2 error, or from the engine's text as the client prints it. */
import type { Facts } from '../scenario.ts';

/** The client's view of an error, as the mariadb client prints it: `ERROR 1290 (HY000): ...`. */
const PRINTED = /ERROR (\d+) \(([0-9A-Z]{5})\): (.*)$/;

function errorFacts(errno: number | string, sqlstate: string, message: string): Facts {
  return { errno: Number(errno), sqlstate, message };
}

/** What nothing failed reads as. */
export const NO_ERROR = errorFacts(0, 'none', 'it succeeded');

/** A mysql2 error's number, SQLSTATE and message. */
export function clientError(error: unknown): Facts {
  const { errno, sqlState, sqlMessage } = error as { errno?: number; sqlState?: string; sqlMessage?: string };
  return errorFacts(errno ?? 0, sqlState ?? 'none', sqlMessage ?? String(error));
}

/** The engine's error text, read as the client prints the server's (the text itself when it is not one). */
export function printedError(text: string): Facts {
  const printed = PRINTED.exec(text);
  return printed === null
    ? errorFacts(0, 'none', text)
    : errorFacts(printed[1] ?? 0, printed[2] ?? 'none', printed[3] ?? '');
}
