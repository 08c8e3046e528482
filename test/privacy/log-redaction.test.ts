import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';

const IDENTIFIERS = ['Maria Lopez', '12345678', '617-555-0143'];
const QUESTION = 'pt Maria Lopez, MRN 12345678, call 617-555-0143: relapse rate after HSCT?';

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => lines.push(line) } });
  return { logger, output: () => lines.join('') };
}

describe('the log redaction layer', () => {
  it('keeps message text fields but passes them through the PHI guard', () => {
    const { logger, output } = capturingLogger();
    logger
      .child({ channel: 'C1' })
      .info({ question: QUESTION, event: { text: QUESTION } }, 'question received');
    for (const identifier of IDENTIFIERS) expect(output()).not.toContain(identifier);
    expect(output()).toContain('relapse rate after HSCT');
    expect(output()).toContain('[MRN]');
  });

  it('redacts the message and the stack of a logged error', () => {
    const { logger, output } = capturingLogger();
    logger.error({ err: new Error(`model refused: ${QUESTION}`) }, 'could not answer a question');
    for (const identifier of IDENTIFIERS) expect(output()).not.toContain(identifier);
    expect(JSON.parse(output()).err.message).toContain('model refused: pt [name]');
  });

  it('still blanks secrets', () => {
    const { logger, output } = capturingLogger();
    logger.info({ botToken: 'xoxb-secret', headers: { authorization: 'Bearer sk-1' } }, 'configured');
    expect(output()).not.toContain('xoxb-secret');
    expect(output()).not.toContain('sk-1');
  });
});
