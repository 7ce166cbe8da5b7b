/** The fault matrix (test/faults/matrix.ts) for the venio operations. */
import { describeMatrix } from './matrix';

describeMatrix('venio');
