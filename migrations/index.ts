import { Foundation1795634297497 } from './1795634297497-Foundation.js';
/** Every migration, in order. `npm run migration:generate -- Name` writes a new one and adds it here. */
export const migrations = [Foundation1795634297497];
