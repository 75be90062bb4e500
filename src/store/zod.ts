/**
 * zod's small build (zod/mini: functions instead of methods, so unused parts tree-shake away) with the
 * English messages the full build sets by default. The config is global, so every schema of untrusted
 * input (runs, fields, the embed's messages, the view options) imports z from here: whichever loads
 * first sets the messages for all. None of them is part of the first frame.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

export { z };
