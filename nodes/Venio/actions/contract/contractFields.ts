/**
 * A contract's fields, described once. [INF] Venio publishes no contract body: keys follow its naming
 * elsewhere (customerCode, ids from its lists, YYYY-MM-DD dates); docs/vendors/venio.md "Contracts".
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { venioRecord } from '../../transport';
import { locatorProperty, locatorRecord, readOptionalLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { numericIds } from '../common';

export const contractFields: Field[] = [
	{ key: 'contractName', label: 'Contract Name', type: 'string', required: true, schema: z.string().trim().min(1, 'is required') },
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'contractTypeId', label: 'Contract Type', type: 'options', required: true, loadOptions: 'getContractTypes', description: 'The kind of contract, as set up in Venio.' },
	{ key: 'startDate', label: 'Start Date', type: 'date', required: true },
	{ key: 'endDate', label: 'End Date', type: 'date', required: true, description: 'Not before the start date' },
	{ key: 'contractTemplateId', label: 'Template', type: 'options', loadOptions: 'getContractTemplates', loadOptionsDependsOn: ['contractTypeId'], description: 'The document template of the chosen type; needed to send the contract document.' },
	{ key: 'contractValue', label: 'Contract Value', type: 'number', schema: z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative') },
	{ key: 'ownerCode', label: 'Owner', type: 'options', loadOptions: 'getEmployees', description: 'The employee responsible for the contract.' },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
];

const serviceItemFields: Field[] = [
	{ key: 'productCode', label: 'Product', type: 'string', required: true, locator: LOCATORS.product },
	{ key: 'qty', label: 'Quantity', type: 'number', default: 1, schema: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more') },
	{ key: 'serialNo', label: 'Serial Number', type: 'string' },
];

/** A service agreement: a contract plus the products it covers and how often they are serviced. */
export const serviceAgreementFields: Field[] = [
	{ key: 'serviceItems', label: 'Service Items', type: 'group', multiple: true, required: true, fields: serviceItemFields, placeholder: 'Add Service Item', description: 'The products the agreement covers' },
	{ key: 'serviceIntervalMonths', label: 'Service Every (Months)', type: 'number', schema: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be from 1 to 24').max(24, 'must be from 1 to 24') },
];

/** The properties and behaviour of the two Create or Update actions (plain contract, service agreement). */
export function contractUpsert(fields: Field[], path: string) {
	const schema = objectSchema(fields);
	return {
		properties: [{ ...locatorProperty(LOCATORS.contract, false), description: 'Leave empty to create a new contract. Enter an existing contract’s number to update that contract.' }, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])] as INodeProperties[],
		prepare(ctx: IExecuteFunctions, i: number): IDataObject {
			const contractNo = readOptionalLocator(ctx, LOCATORS.contract, i);
			const body = numericIds(readBody(ctx, fields, schema, i) as IDataObject, ['contractTypeId', 'contractTemplateId']);
			return contractNo === undefined ? body : { contractNo, ...body };
		},
		recordOf(ctx: IExecuteFunctions, i: number): string | undefined {
			return locatorRecord(ctx, LOCATORS.contract, i, 'contract') ?? recordLabel(ctx, i, ['contractName']);
		},
		async execute(ctx: IExecuteFunctions, i: number, body: IDataObject): Promise<IDataObject> {
			// With a number it is an update (same values, same contract: safe to repeat); without, a create.
			return await venioRecord.call(ctx, { method: 'POST', path, body, idempotent: body.contractNo !== undefined, itemIndex: i });
		},
	};
}
