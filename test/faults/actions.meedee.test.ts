/** The fault matrix (test/faults/matrix.ts) for the meedee operations. */
import { describeMatrix } from './matrix';

describeMatrix('meedee');
