import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readContractTemplates } from '../../lists';

const properties: INodeProperties[] = [
	{
		displayName: 'Contract Type Name or ID',
		name: 'contractTypeId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getContractTypes' },
		default: '',
		description: 'Only this type’s templates; every template when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['getTemplates'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const chosen = this.getNodeParameter('contractTypeId', i, '') as unknown;
	return await readContractTemplates(this, chosen === '' || chosen === null ? undefined : String(chosen).trim(), i);
}
