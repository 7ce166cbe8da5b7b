/**
 * Add Tags and Remove Tags are audience/create calls that carry only the customer's identity and
 * the tags: Salekit's upsert requires full name and email (seed 004) and keeps the other fields.
 */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { audienceFields, tagList } from '../../fields';
import { salekitRequest } from '../../transport';
import { audienceOutput, toSalekitAudience } from './shared';

export function tagOperation(operation: 'addTags' | 'removeTags') {
	const tagKey = operation === 'addTags' ? 'tag' : 'un_tag';
	const identity = audienceFields.filter((f) => f.key === 'full_name' || f.key === 'email');
	const fields: Field[] = [
		...identity,
		{
			key: tagKey,
			label: 'Tags',
			type: 'stringList',
			required: true,
			description: operation === 'addTags' ? 'Tags to add, separated by commas; new tags are created' : 'Tags to remove, separated by commas',
			schema: tagList.min(1, 'needs at least one tag'),
		},
	];
	const schema = objectSchema(fields);
	const properties: INodeProperties[] = [
		...fieldProperties(fields),
		optionsCollection([concurrencyOption]),
	];
	return {
		description: updateDisplayOptions({ show: { resource: ['audience'], operation: [operation] } }, properties),
		concurrent: true,
		prepare(this: IExecuteFunctions, i: number): IDataObject {
			return readBody(this, fields, schema, i, { extraPath: false });
		},
		recordOf(this: IExecuteFunctions, i: number): string | undefined {
			return recordLabel(this, i, ['email', 'full_name']);
		},
		async execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
			const body = (prepared as IDataObject | undefined) ?? readBody(this, fields, schema, i, { extraPath: false });
			const response = await salekitRequest.call(this, '/audience/create', toSalekitAudience(body), { idempotent: true, itemIndex: i });
			return audienceOutput(body, response);
		},
	};
}
