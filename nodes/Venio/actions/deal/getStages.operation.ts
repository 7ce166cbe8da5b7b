import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fail } from '../../../shared/validation';
import { readDealStages } from '../../lists';

const properties: INodeProperties[] = [
	{
		displayName: 'Board Name or ID',
		name: 'boardId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealBoards' },
		default: '',
		description: 'Only this board’s stages; every board’s when empty. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['getStages'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const raw = this.getNodeParameter('boardId', i, '') as unknown;
	const boardId = raw === null || raw === undefined ? '' : String(raw).trim();
	if (boardId !== '' && !/^\d+$/.test(boardId)) fail(this.getNode(), i, ['"Board" must be a board ID (a number)']);
	return await readDealStages(this, boardId === '' ? undefined : Number(boardId), i);
}
