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
