/**
 * MeeDee POS's entry in n8n's node panel. n8n 2.41 lists the MeeDee POS Trigger under the MeeDee POS node (its
 * type id is the node's plus "Trigger") and shows the trigger's description for both
 * (editor-ui generateMergedNodesAndActions), so both nodes carry these words: what the node does.
 * The trigger's own words are in its fields (events and notices), which show once it is added.
 */
export const PANEL_DESCRIPTION =
	'Read customers, sales, stock and purchasing from MeeDee POS (Partner API, read-only)';
