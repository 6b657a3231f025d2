// Bodies the client sends: POST /api/chat and the WebSocket's messages (ARCHITECTURE.md 3.3).
import { z } from 'zod';

const base64Image = z
  .string()
  .min(1, 'an image must not be empty')
  .regex(/^[A-Za-z0-9+/=\r\n]+$/, 'an image must be base64 without a data: prefix');

export const chatRequestSchema = z.object({
  conversationId: z.string().min(1).max(100).optional(),
  message: z.string().max(20_000, 'a message may have at most 20,000 characters'),
  images: z.array(base64Image).max(8, 'at most 8 images a message').optional(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  chatRequestSchema.extend({ type: z.literal('chat') }),
  z.object({ type: z.literal('stop'), runId: z.string().min(1) }),
]);

export type ChatRequest = z.infer<typeof chatRequestSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
