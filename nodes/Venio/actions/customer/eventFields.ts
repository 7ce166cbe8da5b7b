/** Customer event fields ([PUB] POST /v1/customerEvent {eventName, eventType, eventDate, description, customerCode}). */
import type { Field } from '../../../shared/fields';
import { LOCATORS } from '../../locators';

export const eventFields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer, description: 'The customer the event belongs to: pick one or enter its code' },
	{ key: 'eventName', label: 'Event Name', type: 'string', required: true, description: 'E.g. Birthday, Contract renewal' },
	{ key: 'eventType', label: 'Event Type', type: 'options', required: true, loadOptions: 'getEventTypes', description: 'Venio’s event type.' },
	{ key: 'eventDate', label: 'Event Date', type: 'date', required: true, description: 'Calendar date YYYY-MM-DD' },
	{ key: 'description', label: 'Description', type: 'string', rows: 2 },
];
