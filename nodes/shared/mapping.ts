/**
 * "Map Automatically": every customer, order and product write can take its fields from an item in the
 * pack's common shape (the Simplify output of any node here), so a SHOPLINE customer dropped
 * into Venio "Create or Update" needs no hand mapping. Each vendor supplies one `fromCommon…`
 * function; reading, checking and merging are written once here.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';
import type { ZodTypeAny, z } from 'zod';

import { fieldLabels, readExtraBody, readFields, readBody, type Field } from './fields';
import { commonCustomerInput, commonOrderInput, commonProductInput, type CommonCustomerInput, type CommonOrderInput, type CommonProductInput } from './shapes';
import { validateInput } from './validation';

export type MappingKind = 'customer' | 'order' | 'product';

/** A common-shape record of any kind, as a `fromCommon` function receives it. */
export type CommonInput = CommonCustomerInput & CommonOrderInput & CommonProductInput;

const DATA_LABELS: Record<MappingKind, string> = { customer: 'Customer Data', order: 'Order Data', product: 'Product Data' };

/** The Mapping choice and, for automatic mapping, where the common-shape record comes from. */
export function mappingProperties(kind: MappingKind): INodeProperties[] {
	return [
		{
			displayName: 'Mapping',
			name: 'mapping',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Map Automatically',
					value: 'auto',
					description: `Take the fields from a ${kind} in the pack’s common shape, e.g. the Simplify output of any node in this pack`,
				},
				{ name: 'Map Each Field', value: 'manual', description: 'Set each field below' },
			],
			default: 'manual',
		},
		{
			displayName: DATA_LABELS[kind],
			name: 'commonData',
			type: 'json',
			default: '={{ $json }}',
			displayOptions: { show: { mapping: ['auto'] } },
			description: `The ${kind} to map, in the pack’s common ${kind} shape (see the README). Defaults to the input item.`,
		},
	];
}

/**
 * Hides the hand-mapping fields when Mapping is automatic, except `alwaysShown` (fields the common
 * shape cannot supply, such as a CRM state or a delivery option) and the Additional Fields, whose
 * values, when set, override the mapped ones.
 */
export function manualOnly(properties: INodeProperties[], alwaysShown: string[] = []): INodeProperties[] {
	return properties.map((p) =>
		alwaysShown.includes(p.name) || ['options', 'additionalFields', 'updateFields'].includes(p.name)
			? p
			: { ...p, displayOptions: { ...(p.displayOptions ?? {}), show: { ...(p.displayOptions?.show ?? {}), mapping: ['manual'] } } },
	);
}

function readCommon<S extends ZodTypeAny>(ctx: IExecuteFunctions, itemIndex: number, schema: S, kind: MappingKind): z.infer<S> {
	let raw = ctx.getNodeParameter('commonData', itemIndex, {}) as unknown;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "${DATA_LABELS[kind]}" is not valid JSON`, { itemIndex });
		}
	}
	return validateInput(ctx.getNode(), schema, raw, itemIndex, { name: 'Name', email: 'Email', phone: 'Phone', lines: 'Lines', customer: 'Customer', sku: 'SKU', price: 'Price', salePrice: 'Sale Price', stock: 'Stock', variations: 'Variations' });
}

export function readCommonCustomer(ctx: IExecuteFunctions, itemIndex: number): CommonCustomerInput {
	return readCommon(ctx, itemIndex, commonCustomerInput, 'customer');
}

export function readCommonOrder(ctx: IExecuteFunctions, itemIndex: number): CommonOrderInput {
	return readCommon(ctx, itemIndex, commonOrderInput, 'order');
}

export function readCommonProduct(ctx: IExecuteFunctions, itemIndex: number): CommonProductInput {
	return readCommon(ctx, itemIndex, commonProductInput, 'product');
}

/** The entries that hold a value: no undefined, null, empty text or empty list. */
export function dropEmpty(body: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(body).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
	);
}

/**
 * The body of a customer/order write: from the fields (Map Each Field) or from the common-shape
 * record through `fromCommon` plus the always-shown fields (Map Automatically). Either way the
 * result passes the same vendor schema, so the same rules and messages apply.
 */
export function readMappedBody<S extends ZodTypeAny>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: {
		kind: MappingKind;
		fields: Field[];
		schema: S;
		fromCommon: (record: CommonInput, ctx: IExecuteFunctions, itemIndex: number) => IDataObject;
		alwaysShown?: string[];
		base?: IDataObject;
		extraPath?: string | false;
		/** The collection holding the optional fields (default `additionalFields`). */
		collection?: string;
	},
): z.infer<S> {
	const mapping = ctx.getNodeParameter('mapping', itemIndex, 'manual') as string;
	if (mapping !== 'auto') {
		return readBody(ctx, options.fields, options.schema, itemIndex, { base: options.base, extraPath: options.extraPath, collection: options.collection });
	}
	const readers = { customer: readCommonCustomer, order: readCommonOrder, product: readCommonProduct };
	const record = readers[options.kind](ctx, itemIndex);
	// Required fields shown in both modes, and any Additional Field the user set, win over the mapping.
	const always = options.fields.filter((f) => !f.required || options.alwaysShown?.includes(f.key));
	const body = {
		...(options.base ?? {}),
		...dropEmpty(options.fromCommon(record as CommonInput, ctx, itemIndex)),
		...readFields(ctx, always, itemIndex, options.collection),
		...(options.extraPath === false ? {} : readExtraBody(ctx, itemIndex, options.extraPath)),
	};
	return validateInput(ctx.getNode(), options.schema, body, itemIndex, fieldLabels(options.fields));
}
