/**
 * Names in n8n's node panel, the same rule for every vendor: a trigger's display name and default
 * node name end with "Trigger" (webhook and polling alike), an action node's do not, and the type
 * ids that saved workflows refer to stay as they are.
 */
import type { INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from '../harness/n8n';

const nodes = [...loadPackage().nodes.values()].map((n) => n.description);

/**
 * How n8n's node panel (editor-ui 2.41, generateMergedNodesAndActions and the node creator) names a
 * trigger: one whose type id minus "Trigger" is an action node's is listed under that node; any
 * other whose "Event"/"Events"/"Trigger On" list has two or more choices gets them as actions and
 * is shown with " Trigger" cut from its name.
 */
function panelName(d: INodeTypeDescription): string | undefined {
	if (!d.group.includes('trigger')) return d.displayName;
	if (nodes.some((n) => n.name === d.name.replace('Trigger', '') && !n.group.includes('trigger'))) return undefined;
	const eventList = d.properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	return (eventList?.options?.length ?? 0) > 1 ? d.displayName.replace(' Trigger', '') : d.displayName;
}

it('every trigger is named "… Trigger", every action node is not', () => {
	const names = nodes.map((d) => ({ trigger: d.group.includes('trigger'), displayName: d.displayName, defaultName: d.defaults.name }));
	for (const n of names) {
		expect({ ...n, endsWithTrigger: / Trigger$/.test(n.displayName) }).toEqual({ ...n, endsWithTrigger: n.trigger });
		expect(n.defaultName).toBe(n.displayName);
	}
	expect(names.filter((n) => n.trigger)).toHaveLength(6);
});

it('keeps the type ids saved workflows use', () => {
	expect(Object.fromEntries(nodes.map((d) => [d.name, d.displayName]))).toEqual({
		venioCrm: 'Venio CRM',
		venioCrmTrigger: 'Venio CRM Trigger',
		venioCrmPollingTrigger: 'Venio CRM Polling Trigger',
		meeDeePos: 'MeeDee POS',
		meeDeePosTrigger: 'MeeDee POS Trigger',
		meeDeePosPollingTrigger: 'MeeDee POS Polling Trigger',
		shopline: 'SHOPLINE',
		shoplineTrigger: 'SHOPLINE Trigger',
		salekit: 'Salekit',
		salekitTrigger: 'Salekit Trigger',
	});
});

it('n8n\'s node panel shows every trigger listed on its own with its whole name, "… Trigger"', () => {
	const shown = nodes.filter((d) => d.group.includes('trigger')).map((d) => [d.name, panelName(d)]);
	// the webhook triggers are listed under their vendor's node; the polling triggers on their own
	expect(Object.fromEntries(shown)).toEqual({
		venioCrmTrigger: undefined,
		venioCrmPollingTrigger: 'Venio CRM Polling Trigger',
		meeDeePosTrigger: undefined,
		meeDeePosPollingTrigger: 'MeeDee POS Polling Trigger',
		shoplineTrigger: undefined,
		salekitTrigger: undefined,
	});
});

/**
 * The description n8n's node panel shows for an entry (editor-ui 2.41, generateMergedNodesAndActions):
 * an action node listed with its trigger shows the trigger's description; every other entry its own.
 */
function panelDescription(d: INodeTypeDescription): string | undefined {
	const listedWith = nodes.find((t) => t.group.includes('trigger') && t.name.replace('Trigger', '') === d.name);
	return listedWith?.description ?? d.description;
}

it('n8n\'s node panel shows each entry with the description of the node it is named after', () => {
	const entries = nodes.filter((d) => panelName(d) !== undefined);
	expect(entries.map((d) => [d.displayName, panelDescription(d)])).toEqual(entries.map((d) => [d.displayName, d.description]));
	// the entries that list a webhook trigger with the action node: one per vendor
	expect(entries.filter((d) => nodes.some((t) => t.name === `${d.name}Trigger`)).map((d) => d.name).sort()).toEqual(['meeDeePos', 'salekit', 'shopline', 'venioCrm']);
});
