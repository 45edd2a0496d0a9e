/** The records storage suite on PGlite, embedded (in memory here): what `npm start` uses by default. */
import { openDatabase } from '../src/records/database';
import { recordsSuite } from './support/records-suite';

recordsSuite('PGlite', () => openDatabase({}));
