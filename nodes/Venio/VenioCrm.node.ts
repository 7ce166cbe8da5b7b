import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/router';
import * as activity from './actions/activity';
import * as venioCase from './actions/case';
import * as chat from './actions/chat';
import * as customer from './actions/customer';
import * as contract from './actions/contract';
import * as deal from './actions/deal';
import * as employee from './actions/employee';
import * as expense from './actions/expense';
import * as product from './actions/product';
import * as quotation from './actions/quotation';
import * as salesOrder from './actions/salesOrder';
import * as setting from './actions/setting';
import * as storage from './actions/storage';
import * as task from './actions/task';
import { loadOptions } from './lists';
import { listSearch } from './locators';
import { PANEL_DESCRIPTION } from './panel';

export class VenioCrm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Venio CRM',
		name: 'venioCrm',
		icon: { light: 'file:../../icons/venio.svg', dark: 'file:../../icons/venio.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'Venio CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'venioCrmApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Activity', value: 'activity' },
					{ name: 'Case', value: 'case' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'Contract', value: 'contract' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Deal', value: 'deal' },
					{ name: 'Employee', value: 'employee' },
					{ name: 'Expense', value: 'expense' },
					{ name: 'Product', value: 'product' },
					{ name: 'Quotation', value: 'quotation' },
					{ name: 'Sales Order', value: 'salesOrder' },
					{ name: 'Setting', value: 'setting' },
					{ name: 'Storage', value: 'storage' },
					{ name: 'Task', value: 'task' },
				],
				default: 'customer',
			},
			...customer.description,
			...salesOrder.description,
			...quotation.description,
			...product.description,
			...deal.description,
			...employee.description,
			...expense.description,
			...contract.description,
			...setting.description,
			...activity.description,
			...task.description,
			...venioCase.description,
			...storage.description,
			...chat.description,
		],
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, {
			customer: customer.operations,
			salesOrder: salesOrder.operations,
			quotation: quotation.operations,
			product: product.operations,
			deal: deal.operations,
			employee: employee.operations,
			expense: expense.operations,
			contract: contract.operations,
			setting: setting.operations,
			activity: activity.operations,
			task: task.operations,
			case: venioCase.operations,
			storage: storage.operations,
			chat: chat.operations,
		});
	}
}
