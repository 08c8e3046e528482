import { z } from 'zod';
import type { ModalTarget } from '../../blocks/modals.js';

const modalTarget = z.object({
  channelId: z.string().regex(/^[CGD][A-Z0-9]+$/),
  channelName: z.string().max(200),
});

/** The channel a submitted modal edits, from its `private_metadata`. */
export function parseModalTarget(privateMetadata: string): ModalTarget | undefined {
  try {
    const parsed = modalTarget.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
