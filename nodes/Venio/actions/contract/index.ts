import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as createOrUpdate from './createOrUpdate.operation';
import * as createOrUpdateServiceAgreement from './createOrUpdateServiceAgreement.operation';
import * as getByNumber from './getByNumber.operation';
import * as getTemplates from './getTemplates.operation';
import * as getTypes from './getTypes.operation';
import * as sendDocument from './sendDocument.operation';

export const operations: ResourceOperations = { createOrUpdate, createOrUpdateServiceAgreement, getByNumber, getTypes, getTemplates, sendDocument };

export const description: INodeProperties[] = [
	operationSelector(
		'contract',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a contract', description: 'Create a contract, or update it by its number' },
			{ name: 'Create or Update Service Agreement', value: 'createOrUpdateServiceAgreement', action: 'Create or update a service agreement', description: 'A contract with the products it services and how often' },
			{ name: 'Get by Number', value: 'getByNumber', action: 'Get a contract by number', description: 'Get one contract by its number' },
			{ name: 'Get Templates', value: 'getTemplates', action: 'Get contract templates', description: 'List the contract document templates, of one type or all' },
			{ name: 'Get Types', value: 'getTypes', action: 'Get contract types', description: 'List the contract types' },
			{ name: 'Send Document', value: 'sendDocument', action: 'Send a contract document', description: 'Email the contract’s document to the given addresses' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...createOrUpdateServiceAgreement.description,
	...getByNumber.description,
	...getTypes.description,
	...getTemplates.description,
	...sendDocument.description,
];
