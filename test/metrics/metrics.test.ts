import { describe, expect, it } from 'vitest';
import { meteredLlmClient } from '../../src/metrics/metered-llm.js';
import { createMetrics } from '../../src/metrics/metrics.js';

const prices = { priceInputPerMTok: 0.15, priceOutputPerMTok: 0.6 };

describe('Prometheus metrics', () => {
  it('counts posts and failures by kind, ack latency, LLM tokens and cost, feed health and queue depth', async () => {
    const metrics = createMetrics({
      prices,
      feedHealth: async () => [
        { feedId: 'pubmed:jmml', consecutiveFailures: 0 },
        { feedId: 'rss:https://example.org/a.xml', consecutiveFailures: 3 },
      ],
    });
    metrics.delivery('digest', { status: 'posted', ts: '1.1' });
    metrics.delivery('brief', { status: 'failed', error: new Error('x') });
    metrics.delivery('notice', { status: 'claimed-elsewhere' });
    metrics.ackSeconds.observe({ surface: 'http' }, 0.004);
    const llm = meteredLlmClient(
      {
        model: 'gpt-4o-mini',
        callStructured: async <T>() => ({
          value: {} as T,
          usage: { promptTokens: 1_000_000, completionTokens: 100_000, cached: false },
        }),
      },
      metrics.llmCall,
    );
    await llm.callStructured({ prompt: 'answer', vars: {}, schema: {} as never });
    metrics.llmCall({ promptTokens: 500, completionTokens: 50, cached: true });
    metrics.setQueueDepth(2);

    const text = await metrics.registry.metrics();
    expect(text).toContain('tbd_posts_total{kind="digest"} 1');
    expect(text).toContain('tbd_post_failures_total{kind="brief"} 1');
    expect(text).toContain('tbd_post_attempts_total{kind="notice",outcome="claimed-elsewhere"} 1');
    expect(text).toContain('tbd_slash_command_ack_seconds_bucket{le="0.005",surface="http"} 1');
    expect(text).toContain('tbd_llm_tokens_total{type="prompt"} 1000000');
    expect(text).toContain('tbd_llm_tokens_total{type="completion"} 100000');
    expect(text).toContain('tbd_llm_cost_usd_total 0.21');
    expect(text).toContain('tbd_feed_consecutive_failures{feed="rss:https://example.org/a.xml"} 3');
    expect(text).toContain('tbd_lit_queue_depth 2');
  });
});
