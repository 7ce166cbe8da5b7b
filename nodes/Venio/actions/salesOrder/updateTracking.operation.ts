import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { segment, venioRequest } from '../../transport';
import { orderChangeReader, salesOrderNoProperty, type PreparedOrderChange } from './shared';

const fields: Field[] = [{ key: 'trackingNo', label: 'Tracking Number', type: 'string', required: true, description: 'The parcel’s tracking number from the carrier', schema: z.string().trim().min(1, 'is required') }];

const properties: INodeProperties[] = [salesOrderNoProperty, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['updateTracking'] } }, properties);

export const concurrent = true;

export const { prepare, recordOf } = orderChangeReader(fields);

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { no, body } = (prepared as PreparedOrderChange | undefined) ?? prepare.call(this, i);
	// [INF] path PUT /v2/salesorder/{no}/tracking {trackingNo} → data: true
	const done = await venioRequest.call(this, { method: 'PUT', path: `/v2/salesorder/${segment(no)}/tracking`, body, itemIndex: i });
	return { salesOrderNo: no, updated: done === true, trackingNo: body.trackingNo };
}
