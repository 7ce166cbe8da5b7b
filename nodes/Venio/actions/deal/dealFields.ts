/**
 * A deal's fields, described once [PUB api-3608469 Create Deal, api-3602937 Update Deal]: keys are
 * Venio's, its spelling included (`cancleAllOrder`). Create needs customers and a board; Update
 * changes the rest.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { sendable } from '../pipeline';

const whole = z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number');

/** Create-only: who the deal is with and on which board it starts. */
export const dealPlacementFields: Field[] = [
	{ key: 'customerCodes', label: 'Customer Codes', type: 'stringList', required: true, description: 'The deal’s customer, or several separated by commas (Venio customer codes such as C000123)', schema: z.array(z.string().min(1, 'has an empty entry')).min(1, 'is required') },
	{ key: 'boardId', label: 'Board', type: 'options', required: true, loadOptions: 'getDealBoards', description: 'The deal board (pipeline) the deal starts on.' },
];

/** What a deal holds; the first five are required by Venio on create and on update. */
export const dealFields: Field[] = [
	{ key: 'dealName', label: 'Deal Name', type: 'string', required: true, schema: z.string().trim().min(1, 'is required') },
	{ key: 'probability', label: 'Probability (%)', type: 'number', required: true, default: 20, schema: whole.min(0, 'must be from 0 to 100').max(100, 'must be from 0 to 100') },
	{ key: 'dealValue', label: 'Deal Value', type: 'number', required: true, schema: z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative'), description: 'The expected value of the deal, in your Venio currency' },
	{ key: 'expectedCloseDate', label: 'Expected Close Date', type: 'dateTime', required: true, description: 'When the deal should close, in the workflow’s time zone (a date alone: its midnight)' },
	{ key: 'assignTo', label: 'Owner', type: 'options', required: true, loadOptions: 'getEmployees', description: 'The employee responsible for the deal.' },
	{ key: 'dealStageId', label: 'Stage', type: 'options', loadOptions: 'getDealStages', loadOptionsDependsOn: ['boardId'], description: 'The stage to put the deal in; on create, the board’s first stage when empty. A missed stage needs a Missed Reason.' },
	{ key: 'dealDate', label: 'Deal Date', type: 'dateTime', description: 'When the deal was offered; now when empty' },
	{ key: 'dealQuantity', label: 'Quantity', type: 'number', schema: z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative') },
	{ key: 'dealQuantityUnit', label: 'Quantity Unit', type: 'string', placeholder: 'e.g. boxes' },
	{ key: 'dealInterests', label: 'Interests', type: 'multiOptions', loadOptions: 'getDealInterests', description: 'What the customer is interested in.' },
	{ key: 'dealLabels', label: 'Labels', type: 'multiOptions', loadOptions: 'getDealLabels', description: 'Labels shown on the deal card.' },
	{ key: 'participantCodes', label: 'Participants', type: 'multiOptions', loadOptions: 'getEmployees', description: 'Other employees working on the deal.' },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
	{ key: 'dateFollowUp', label: 'Follow-Up Date', type: 'dateTime', description: 'When to follow up, in the workflow’s time zone' },
	{ key: 'followUpNotes', label: 'Follow-Up Notes', type: 'string', rows: 2 },
	{ key: 'remark', label: 'Remark', type: 'string', rows: 2 },
	{ key: 'reasonCategoryId', label: 'Missed Reason', type: 'options', loadOptions: 'getDealMissedReasons', description: 'Why the deal was missed; needed when the stage is a missed stage.' },
	{ key: 'markAllTaskAsDone', label: 'Mark All Tasks as Done', type: 'boolean', default: false, description: 'Whether Venio marks the deal’s open tasks as done' },
	{ key: 'cancleAllOrder', label: 'Cancel All Orders', type: 'boolean', default: false, description: 'Whether Venio cancels the deal’s open orders (for a missed deal)' },
];

/** Ready to send: ids as numbers, date-times with the workflow zone's offset. */
export function dealBody(ctx: IExecuteFunctions, body: IDataObject): IDataObject {
	return sendable(ctx, body, { ids: ['boardId', 'dealStageId', 'reasonCategoryId'], idLists: ['dealInterests', 'dealLabels'], times: ['expectedCloseDate', 'dealDate', 'dateFollowUp'] });
}

