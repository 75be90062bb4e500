/** `npm run bench:bundle`: prints the built app's initial JavaScript size (run `npm run build` first). */
import { printBundleSizes } from './bundleSize.ts';

printBundleSizes();
