/**
 * The subsystems a simulation runs with. Each registers what it handles when it loads (the messages it
 * receives, what it reacts to, its scheduled work, its own state); the simulation names none of them.
 * A new one (a fault, a replication mode's machinery) goes in its own module and in this list. The
 * multi-primary group is a part of its own (multiprimary/group.ts, loaded with `loadMultiPrimary()`; the
 * engine's entry imports it).
 */
import './replication/sender.ts';
import './replication/receiver.ts';
import './node/disk.ts';
