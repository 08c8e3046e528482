import type { CallUsage, LlmClient } from '../llm/types.js';

/** The same client, reporting each structured call's usage (tokens, cost) as it settles. */
export function meteredLlmClient(client: LlmClient, onCall: (usage: CallUsage) => void): LlmClient {
  return {
    model: client.model,
    async callStructured(call) {
      const result = await client.callStructured(call);
      onCall(result.usage);
      return result;
    },
    ...(client.embed ? { embed: client.embed } : {}),
  };
}
