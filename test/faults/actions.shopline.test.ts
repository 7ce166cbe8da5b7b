/** The fault matrix (test/faults/matrix.ts) for the shopline operations. */
import { describeMatrix } from './matrix';

describeMatrix('shopline');
