/** The fault matrix (test/faults/matrix.ts) for the salekit operations. */
import { describeMatrix } from './matrix';

describeMatrix('salekit');
