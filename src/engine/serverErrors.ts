/**
 * The errors a node answers with, in the words of the database the scenario models (`system`). Invariant:
 * each text is the server's own, as measured by the calibration suite (calibration/scenarios).
 */
import type { DatabaseSystem } from './scenario/schema.ts';

/**
 * A write refused by a read-only server. PostgreSQL's hot standby: `ERROR: cannot execute INSERT in a
 * read-only transaction` (SQLSTATE 25006). MariaDB with `read_only=ON`, to an account without SUPER (or
 * READ_ONLY ADMIN): `ERROR 1290 (HY000): The MariaDB server is running with the --read-only option so it
 * cannot execute this statement`.
 */
export const READ_ONLY_ERRORS: Readonly<Record<DatabaseSystem, string>> = {
  postgresql: 'cannot execute INSERT in a read-only transaction (SQLSTATE 25006)',
  mariadb:
    'ERROR 1290 (HY000): The MariaDB server is running with the --read-only option so it cannot execute this statement',
};

/**
 * MariaDB's refusal of an INSERT of a key the server already holds, as the `mariadb` client prints it
 * (measured by calibration scenario m8, MariaDB 10.11): `ERROR 1062 (23000): Duplicate entry '7' for key
 * 'PRIMARY'`. PostgreSQL's would be 23505 `duplicate key value violates unique constraint`; the lab's
 * inserts are MariaDB's, so its words serve every system.
 */
export function duplicateKeyError(key: string): string {
  return `ERROR 1062 (23000): Duplicate entry '${key}' for key 'PRIMARY'`;
}

/** `Last_SQL_Errno` of an applier stopped by a duplicate key. */
export const DUPLICATE_KEY_ERRNO = 1062;

/**
 * `Last_SQL_Error` of a replica whose SQL thread met a replicated insert of a key it holds, as SHOW SLAVE
 * STATUS prints it (measured by m8): `Could not execute Write_rows_v1 event on table cal.t; Duplicate entry
 * '7' for key 'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log
 * bin.000001, end_log_pos 1458`. The engine's table is `lab.kv`; the position is the event's place in its
 * source's own writes.
 */
export function duplicateKeyApplyError(key: string, position: number): string {
  return (
    `Could not execute Write_rows_v1 event on table lab.kv; Duplicate entry '${key}' for key 'PRIMARY', ` +
    `Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log bin.000001, end_log_pos ${position}`
  );
}
