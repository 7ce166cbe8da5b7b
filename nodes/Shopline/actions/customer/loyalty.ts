/**
 * What the loyalty operations of a customer share (member points, store credits, tiers, tags,
 * promotions): the customer picked, the history lists and the checked body of a balance change.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ZodTypeAny } from 'zod';

import { extraBodyProperty, fieldProperties, readBody, type Field } from '../../../shared/fields';
import { readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection, returnAllAndLimit } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { pagedList } from '../../transport';
import { listOptions, readListWindow } from '../common';
import { customerIdProperty } from './shared';

export { customerIdProperty };

/** The chosen customer's ID (picked from the list, typed, old plain text, or from an expression), checked and trimmed. */
export function readCustomerId(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.customer, i);
}

export const customerPath = (id: string, suffix: string) => `/customers/${encodeURIComponent(id)}/${suffix}`;

/** A customer's history list (points, store credits, tier changes): Return All or Limit, paged. */
export const historyProperties: INodeProperties[] = [customerIdProperty, ...returnAllAndLimit(), listOptions];

export async function readHistory(ctx: IExecuteFunctions, i: number, suffix: string): Promise<IDataObject[]> {
	const id = readCustomerId(ctx, i);
	return await pagedList.call(ctx, customerPath(id, suffix), {}, readListWindow(ctx, i), i);
}

/** A write's fields (required on top, the rest under Additional Fields) plus Options. */
export function changeProperties(fields: Field[], withCustomer = true): INodeProperties[] {
	return [...(withCustomer ? [customerIdProperty] : []), ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];
}

export function readChange(ctx: IExecuteFunctions, i: number, fields: Field[], schema: ZodTypeAny): IDataObject {
	return readBody(ctx, fields, schema, i, { extraPath: 'options.extraBody' }) as IDataObject;
}
