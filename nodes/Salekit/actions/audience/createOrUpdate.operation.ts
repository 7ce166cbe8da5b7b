import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { audienceFields, audienceSchema } from '../../fields';
import { salekitAudienceFromCommon } from '../../fromCommon';
import { salekitRequest } from '../../transport';
import { audienceOutput, toSalekitAudience } from './shared';

const properties: INodeProperties[] = [
	...mappingProperties('customer'),
	...manualOnly(fieldProperties(audienceFields)),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['audience'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

/** Every item is read and checked before the first is sent (see runItems). */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readMappedBody(this, i, { kind: 'customer', fields: audienceFields, schema: audienceSchema, fromCommon: salekitAudienceFromCommon });
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Salekit matches an existing audience on its email, so sending the same body again is harmless.
	const response = await salekitRequest.call(this, '/audience/create', toSalekitAudience(body), { idempotent: true, itemIndex: i });
	return audienceOutput(body, response);
}
