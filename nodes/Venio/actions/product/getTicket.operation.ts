import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PRODUCT_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [keyProperty('ticketNo', 'Ticket Number', 'The product ticket’s number, e.g. from Venio’s ticket list', 'e.g. PT2601-0001')];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getTicket'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: PRODUCT_PATHS.ticket(readKey(this, 'ticketNo', 'Ticket Number', i)), itemIndex: i });
}
