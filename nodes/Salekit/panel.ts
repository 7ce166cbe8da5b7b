/**
 * Salekit's entry in n8n's node panel. n8n 2.41 lists the Salekit Trigger under the Salekit node (its
 * type id is the node's plus "Trigger") and shows the trigger's description for both
 * (editor-ui generateMergedNodesAndActions), so both nodes carry these words: what the node does.
 * The trigger's own words are in its fields (events and notices), which show once it is added.
 */
export const PANEL_DESCRIPTION =
	'Push customers with tags, orders and products into Salekit.io';
