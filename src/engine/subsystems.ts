/**
 * The subsystems a simulation runs with. Each registers what it handles when it loads (the messages it
 * receives, what it reacts to, its scheduled work, its own state); the simulation names none of them.
 * A new one (a fault, a replication mode's machinery) goes in its own module and in this list.
 */
import './replication/sender.ts';
import './replication/receiver.ts';
import './multiprimary/peers.ts';
import './multiprimary/certification.ts';
import './multiprimary/group.ts';
import './node/disk.ts';
