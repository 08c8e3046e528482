import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

/**
 * The module a file belongs to: its top-level folder under src/ (`board`, `delivery`, …), or the
 * file itself for files at the root (`types.ts`). `slack/blocks` counts as a module of its own:
 * pure Block Kit renderers that Slack surfaces and scheduled jobs both use (DESIGN.md).
 */
function moduleOf(file: string): string {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === 'slack' && parts[1] === 'blocks') return 'slack/blocks';
  return parts[0] as string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative imports of every file (type-only ones too: they tie modules together as well). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(
      file,
      importedFiles
        .map((entry) => entry.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => path.resolve(path.dirname(file), name.replace(/\.js$/, '.ts'))),
    );
  }
  return graph;
}

/** Strongly connected components with more than one node, or a node importing itself (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('import structure of src/', () => {
  const files = importGraph();

  it('has no import cycle between files', () => {
    const graph = new Map([...files].map(([file, imports]) => [file, new Set(imports)]));
    const found = cycles(graph).map((cycle) => cycle.map((file) => path.relative(SRC, file)));
    expect(found).toEqual([]);
  });

  it('has no import cycle between modules (data flows one way: sources → … → schedule, slack)', () => {
    const graph = new Map<string, Set<string>>();
    const edges = new Map<string, string>();
    for (const [file, imports] of files) {
      const from = moduleOf(file);
      if (!graph.has(from)) graph.set(from, new Set());
      for (const target of imports) {
        const to = moduleOf(target);
        if (to === from) continue;
        graph.get(from)?.add(to);
        edges.set(`${from} → ${to}`, `${path.relative(SRC, file)} imports ${path.relative(SRC, target)}`);
      }
    }
    const found = cycles(graph).map((cycle) => {
      const inCycle = new Set(cycle);
      return [...edges]
        .filter(([edge]) => edge.split(' → ').every((end) => inCycle.has(end)))
        .map(([, why]) => why);
    });
    expect(found).toEqual([]);
  });
});
