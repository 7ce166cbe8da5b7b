/**
 * Create or Update of a sales order or quotation, written once: an explicit number updates that
 * document; "Match Existing By: Reference Number" finds the one an earlier run made (same reference,
 * same customer) and updates it; otherwise a new one is created, never sent twice blindly.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../shared/execute';
import { DO_NOT_MATCH, isRefusal, isUnknownOutcome, matchExistingProperty, readMatchBy, settle, withAction } from '../../shared/matching';
import { fail } from '../../shared/validation';
import { findByReference, VENIO_REFUSALS, type DocumentKind } from '../matching';
import { venioRecord } from '../transport';

const WORDS: Record<DocumentKind, { one: string; no: string; path: string }> = {
	// [INF] POST with the GET shape; without a number it creates (vendor sample code: salesOrderNo empty = create).
	salesOrder: { one: 'sales order', no: 'salesOrderNo', path: '/v2/salesorder' },
	quotation: { one: 'quotation', no: 'quotationNo', path: '/v1/quotation' },
};

export function documentMatchProperty(kind: DocumentKind): INodeProperties {
	const { one } = WORDS[kind];
	return matchExistingProperty(
		[
			DO_NOT_MATCH,
			{
				name: 'Reference Number',
				value: 'referenceNo',
				description: `The ${one} of the same customer with this Reference Number (e.g. the source order’s number) is updated`,
			},
		],
		'none',
		`When the ${one} number is empty: how the ${one} an earlier run made is found, so a re-run updates it instead of creating another. The output’s "action" says created, updated or unchanged.`,
	);
}

export interface PreparedDocument {
	body: IDataObject;
	byReference: boolean;
}

/** The match choice of item `i`, checked against its body before any request. */
export function readDocumentMatch(ctx: IExecuteFunctions, i: number, kind: DocumentKind, body: IDataObject): PreparedDocument {
	const byReference = readMatchBy(ctx, i, 'none') === 'referenceNo';
	const reference = typeof body.referenceNo === 'string' ? body.referenceNo.trim() : '';
	if (byReference && body[WORDS[kind].no] === undefined && reference === '') {
		fail(ctx.getNode(), i, ['"Reference Number" is needed to find the existing document (Match Existing By)']);
	}
	return { body, byReference };
}

export async function writeDocument(ctx: IExecuteFunctions, i: number, kind: DocumentKind, { body, byReference }: PreparedDocument): Promise<IDataObject> {
	const { no, path } = WORDS[kind];
	const save = async (number: unknown, existing?: IDataObject) => {
		// Keyed by its number: an update, safe to repeat.
		const saved = await settle(async () => await venioRecord.call(ctx, { method: 'POST', path, body: { ...body, [no]: number }, idempotent: true, itemIndex: i }));
		if (saved.ok) return withAction('updated', saved.value);
		// A re-run that finds its document already approved or converted leaves it as it is.
		if (existing && isRefusal(saved.error, VENIO_REFUSALS.frozen)) return withAction('unchanged', existing);
		throw saved.error;
	};
	const create = async () => withAction('created', await venioRecord.call(ctx, { method: 'POST', path, body, idempotent: false, itemIndex: i }));
	if (body[no] !== undefined) return await save(body[no]);
	if (!byReference) return await create();

	const reference = String(body.referenceNo).trim();
	const customer = typeof body.customerCode === 'string' ? body.customerCode : undefined;
	return await oneAtATimePerKey(ctx, [`${kind}:${customer ?? ''}:${reference.toLowerCase()}`], async () => {
		const existing = await findByReference(ctx, kind, reference, customer, i);
		if (existing) return await save(existing[no], existing);
		const created = await settle(create);
		if (created.ok) return created.value;
		// A lost reply: the document may have been made; if so, it carries this reference now.
		const made = isUnknownOutcome(created.error) ? await findByReference(ctx, kind, reference, customer, i) : undefined;
		if (!made) throw created.error;
		return withAction('created', made);
	});
}
