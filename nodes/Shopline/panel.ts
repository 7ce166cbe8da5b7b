/**
 * SHOPLINE's entry in n8n's node panel. n8n 2.41 lists the SHOPLINE Trigger under the SHOPLINE node (its
 * type id is the node's plus "Trigger") and shows the trigger's description for both
 * (editor-ui generateMergedNodesAndActions), so both nodes carry these words: what the node does.
 * The trigger's own words are in its fields (events and notices), which show once it is added.
 */
export const PANEL_DESCRIPTION =
	'Customers (with member points, store credits and tiers), customer groups, orders, return orders, products and the shop’s categories, warehouses, delivery and payment options and promotions of a SHOPLINE online store (Open API, open.shopline.io)';
