/** Venio CRM node, Chat → Send Message, inside n8n-core against the Venio simulator. */
import { CHAT_ROOMS } from '../../sandbox/venio/chat';
import { useVenio } from './setup';

const env = useVenio();

const [lineRoom, messengerRoom] = CHAT_ROOMS;
const send = { resource: 'chat', operation: 'sendMessage', roomId: '={{ $json.room }}', message: '={{ $json.text }}' };
const sends = () => env.calls().filter((c) => c.method === 'POST' && c.path === '/v1/chat/messages');

describe('Chat: Send Message', () => {
	it('sends the room and the text; answers the message Venio sent', async () => {
		const { items, error } = await env.run(send, [{ room: ` ${lineRoom.roomId} `, text: 'สวัสดีครับ ใบเสนอราคาส่งทางอีเมลแล้วครับ' }]);
		expect(error).toBeUndefined();
		expect(sends().map((c) => c.body)).toEqual([{ roomId: lineRoom.roomId, message: 'สวัสดีครับ ใบเสนอราคาส่งทางอีเมลแล้วครับ' }]);
		expect(items[0].json).toMatchObject({ messageId: 'M00000001', roomId: lineRoom.roomId, platform: 1, platformName: 'LINE', message: 'สวัสดีครับ ใบเสนอราคาส่งทางอีเมลแล้วครับ' });
		expect(env.sim.chatBook.messages).toHaveLength(1);
	});

	it('Venio’s refusals name the item: an unknown room, a text over Messenger’s 2,000 characters', async () => {
		const { items } = await env.run(send, [{ room: 'R000000000000000000000000', text: 'hi' }, { room: messengerRoom.roomId, text: 'x'.repeat(2001) }], { continueOnFail: true });
		expect(items[0].json.error).toContain('Chat room R000000000000000000000000 not found');
		expect(items[1].json.error).toContain('message is longer than 2000 characters (Messenger)');
		expect(env.sim.chatBook.messages).toHaveLength(0);
	});

	it('check first: item 2 with an empty message stops the node before item 1 is sent', async () => {
		const { error } = await env.run(send, [{ room: lineRoom.roomId, text: 'Your order has shipped' }, { room: messengerRoom.roomId, text: '  ' }]);
		expect(error?.message).toBe(`Item 2 (room ${messengerRoom.roomId}): "Message" is required`);
		expect(error?.description).toMatch(/^Nothing was written/);
		expect(sends()).toEqual([]);
	});

	it('check first with continueOnFail: item 1 is sent, item 2 is an error item paired with its input', async () => {
		const { items, error } = await env.run(send, [{ room: lineRoom.roomId, text: 'Your order has shipped' }, { room: 'has space', text: 'hello' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { roomId: lineRoom.roomId, message: 'Your order has shipped' }, pairedItem: { item: 0 } });
		expect(items[1]).toEqual({ json: { error: 'Item 2 (room has space): "Room ID" must not contain spaces' }, pairedItem: { item: 1 } });
		expect(sends()).toHaveLength(1);
	});

	it('a message is never sent twice after an unclear outcome (500)', async () => {
		env.sim.failNext = 1;
		const { error } = await env.run(send, [{ room: lineRoom.roomId, text: 'once' }]);
		expect(error?.description).toContain('not repeated automatically');
		expect(sends()).toHaveLength(1);
	});
});
