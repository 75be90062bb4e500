/** The view options of a link without a query, in a module of their own so the first frame needs no parser. */
import type { ViewOptions } from './viewOptions.ts';

export const DEFAULT_VIEW: ViewOptions = {
  present: false,
  chrome: 'full',
  controls: true,
  table: false,
};
