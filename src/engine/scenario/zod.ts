/**
 * zod's small build (zod/mini: functions instead of methods, so unused parts tree-shake away) with the
 * English messages the full build sets by default. The config is global: the store's and the app's
 * schemas (zod/mini too) get the same messages, since everything that validates loads the engine first.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

export { z };
