/**
 * An expense's fields, described once. [INF] Venio publishes no expense body: the keys follow its
 * naming elsewhere (customerCode, employee codes, YYYY-MM-DD dates); docs/vendors/venio.md "Expenses".
 */
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { LOCATORS } from '../../locators';
import { dealLinkField } from '../../pipelineLocators';

export const expenseFields: Field[] = [
	{ key: 'expenseName', label: 'Expense Name', type: 'string', required: true, placeholder: 'e.g. Taxi to customer', schema: z.string().trim().min(1, 'is required') },
	{ key: 'amount', label: 'Amount', type: 'number', required: true, description: 'What was spent, in your Venio currency', schema: z.number({ invalid_type_error: 'must be a number' }).positive('must be more than 0') },
	{ key: 'expenseDate', label: 'Expense Date', type: 'date', required: true, description: 'The day the money was spent' },
	{ key: 'employeeCode', label: 'Employee', type: 'options', required: true, loadOptions: 'getEmployees', description: 'The employee who spent it.' },
	{ key: 'customerCode', label: 'Customer', type: 'string', locator: LOCATORS.customer, description: 'The customer the expense was for: pick one or enter its code' },
	dealLinkField('The deal the expense was for: pick one or enter its ID (dealsId)'),
	{ key: 'expenseCategory', label: 'Category', type: 'string', placeholder: 'e.g. Travel' },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
];

