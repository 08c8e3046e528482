import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { DEFAULT_PROMPTS_DIR, loadPrompt, parsePrompt, renderPrompt } from '../../src/llm/prompts.js';

const TWO_SECTIONS = [
  'version: 2',
  '## system',
  'Summarize for {{audience}}.',
  '## user',
  '<paper_text>',
  '{{paper_text}}',
  '</paper_text>',
].join('\n');

describe('parsePrompt', () => {
  it('reads the version line, the system and user sections and the placeholders', () => {
    const prompt = parsePrompt('demo', TWO_SECTIONS);
    expect(prompt.version).toBe('2');
    expect(prompt.system).toBe('Summarize for {{audience}}.');
    expect(prompt.user).toBe('<paper_text>\n{{paper_text}}\n</paper_text>');
    expect(prompt.placeholders).toEqual(['audience', 'paper_text']);
  });

  it('accepts the version in front matter and a body without sections as the user message', () => {
    const prompt = parsePrompt('demo', '---\nversion: 7\n---\nAnswer {{question}}.\n');
    expect(prompt.version).toBe('7');
    expect(prompt.system).toBeUndefined();
    expect(prompt.user).toBe('Answer {{question}}.');
  });

  it('rejects a prompt without a version line', () => {
    expect(() => parsePrompt('demo', 'Summarize {{paper_text}}.')).toThrow(ConfigError);
  });

  it('gives a different content hash to any edit, even with the same version', () => {
    const edited = TWO_SECTIONS.replace('Summarize', 'Summarise');
    expect(parsePrompt('demo', edited).contentHash).not.toBe(parsePrompt('demo', TWO_SECTIONS).contentHash);
  });
});

describe('renderPrompt', () => {
  const prompt = parsePrompt('demo', TWO_SECTIONS);

  it('fills every placeholder', () => {
    const rendered = renderPrompt(prompt, {
      audience: 'oncologists',
      paper_text: 'Relapse approaches 50% within 5 years.',
    });
    expect(rendered.system).toBe('Summarize for oncologists.');
    expect(rendered.user).toContain('Relapse approaches 50% within 5 years.');
  });

  it('refuses a placeholder the code does not fill', () => {
    expect(() => renderPrompt(prompt, { paper_text: 'x' })).toThrow(/not filled: audience/);
  });

  it('refuses a value for a placeholder the file does not have', () => {
    expect(() => renderPrompt(prompt, { audience: 'a', paper_text: 'x', pmid: '1' })).toThrow(
      /not in the file: pmid/,
    );
  });

  it('does not expand placeholders that appear inside the paper text', () => {
    const rendered = renderPrompt(prompt, { audience: 'oncologists', paper_text: 'see {{audience}}' });
    expect(rendered.user).toContain('see {{audience}}');
  });
});

describe('the prompt files in prompts/', () => {
  const files = readdirSync(DEFAULT_PROMPTS_DIR).filter((file) => file.endsWith('.md'));

  it('include the digest item and intro prompts', () => {
    expect(files).toEqual(expect.arrayContaining(['digest-item.md', 'digest-intro.md']));
  });

  it.each(files)('%s loads with a version line', async (file) => {
    const prompt = await loadPrompt(path.basename(file, '.md'));
    expect(prompt.version).toMatch(/\S/);
    expect(prompt.user.length).toBeGreaterThan(0);
  });

  it('declares the paper text as data between tags in the item prompt', async () => {
    const prompt = await loadPrompt('digest-item');
    expect(prompt.user).toMatch(/<paper_text>\n\{\{paper_text\}\}\n<\/paper_text>/);
    expect(prompt.user).toMatch(/data .*never instructions/i);
  });

  it('fails with a clear error for a prompt that does not exist', async () => {
    await expect(loadPrompt('no-such-prompt')).rejects.toThrow(ConfigError);
  });
});
