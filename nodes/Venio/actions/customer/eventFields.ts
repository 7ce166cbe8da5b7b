/** Customer event fields ([PUB] POST /v1/customerEvent {eventName, eventType, eventDate, description, customerCode}). */
import type { Field } from '../../../shared/fields';

export const eventFields: Field[] = [
	{ key: 'customerCode', label: 'Customer Code', type: 'string', required: true, description: 'The customer the event belongs to, e.g. C000123' },
	{ key: 'eventName', label: 'Event Name', type: 'string', required: true, description: 'E.g. Birthday, Contract renewal' },
	{ key: 'eventType', label: 'Event Type', type: 'options', required: true, loadOptions: 'getEventTypes', description: 'Venio’s event type.' },
	{ key: 'eventDate', label: 'Event Date', type: 'date', required: true, description: 'Calendar date YYYY-MM-DD' },
	{ key: 'description', label: 'Description', type: 'string', rows: 2 },
];
