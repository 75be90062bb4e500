/** Timings several subsystems share (a leaf module: it imports nothing). */

/** How long a disconnected replica waits before retrying its upstream, ms (`wal_retrieve_retry_interval`). */
export const RETRY_MS = 1000;

/** How long a replication connection survives a cut before both ends give up on it, ms (`wal_receiver_timeout`). */
export const REPLICATION_TIMEOUT_MS = 3000;
