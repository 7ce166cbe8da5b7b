/**
 * Venio simulator: Chat → Send message. Seed 000's menu names "Post Send message" [SEED 000]; public
 * code reads Venio's chat webhook as {Topic:"Chat", Event:"Message", Data:{ChatMessage:{RoomId,
 * Platform (1 = LINE, else Messenger), Content, User}}} [PUB code]. [INF]: the path
 * POST /v1/chat/messages {roomId, message} → 201 {messageId, roomId, platform, platformName, message,
 * dateSent}; the seeded rooms; a room must exist; the text may not be blank and is held to the
 * channel's own limit: LINE 5,000 characters (Messaging API text message), Messenger 2,000 (Send API).
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, objectBody, ok, pad, Problems } from './helpers';
import type { VenioSim } from './index';

export const CHAT_PLATFORMS: Record<number, { name: string; maxLength: number }> = {
	1: { name: 'LINE', maxLength: 5000 },
	2: { name: 'Messenger', maxLength: 2000 },
};

export interface ChatRoom {
	roomId: string;
	platform: number;
	customerName: string;
}

export interface ChatMessage {
	messageId: string;
	roomId: string;
	message: string;
	dateSent: number;
}

// [INF] Room ids: Venio's look like hex ids in public code; these are fixed so tests and demos can name them.
export const CHAT_ROOMS: ChatRoom[] = [
	{ roomId: 'R6571a0c2e4b0f1a2b3c4d5e6', platform: 1, customerName: 'สมชาย ใจดี' },
	{ roomId: 'R6571a0c2e4b0f1a2b3c4d5e7', platform: 2, customerName: 'Nguyen Van An' },
];

export class ChatBook {
	messages: ChatMessage[] = [];
	seq = 0;
	reset(): void {
		this.messages = [];
		this.seq = 0;
	}
}

export const CHAT_ROUTES = [['chatSend', 'POST', '/v1/chat/messages', (sim: VenioSim, r: SimRequest) => send(sim, r)]] as const;

export function chatMessageOut(m: ChatMessage) {
	const room = CHAT_ROOMS.find((r) => r.roomId === m.roomId)!;
	return { messageId: m.messageId, roomId: m.roomId, platform: room.platform, platformName: CHAT_PLATFORMS[room.platform].name, message: m.message, dateSent: bkkTime(m.dateSent) };
}

function send(sim: VenioSim, r: SimRequest): SimResponse {
	const b = objectBody(r);
	const problems = new Problems();
	problems.check(!blank(b.roomId), 'roomId is required');
	const hasText = problems.check(typeof b.message === 'string' && b.message.trim() !== '', 'message is required');
	problems.done();
	const room = CHAT_ROOMS.find((x) => x.roomId === String(b.roomId).trim());
	if (!room) throw sim.notFound('Chat room', String(b.roomId));
	const limit = CHAT_PLATFORMS[room.platform];
	if (hasText && [...String(b.message)].length > limit.maxLength) problems.check(false, `message is longer than ${limit.maxLength} characters (${limit.name})`);
	problems.done();
	const m: ChatMessage = { messageId: `M${pad(++sim.chatBook.seq, 8)}`, roomId: room.roomId, message: String(b.message), dateSent: sim.now() };
	sim.chatBook.messages.push(m);
	return ok(chatMessageOut(m), 201);
}
