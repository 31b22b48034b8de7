import { EXAMPLE_WORKSPACES, type ExampleWorkspace } from '@hookscope/libraries';
import { createEmptyWorkspace, type RunStep, type Workspace } from '../state/workspace';

export interface Example {
  id: string;
  title: string;
  explanation: string;
  create(): Workspace;
}

function toStep(step: ExampleWorkspace['steps'][number]): RunStep[] {
  const id = crypto.randomUUID();
  if (step.kind === 'packet') return [{ kind: 'packet', id, hex: step.hex, label: step.label }];
  // Requests of the data-scope server have no DHCP form; that example is not listed here.
  if (step.kind !== 'command') return [];
  const text = JSON.stringify(
    step.arguments === undefined
      ? { command: step.command }
      : { command: step.command, arguments: step.arguments },
  );
  return [{ kind: 'command', id, text }];
}

/**
 * The built-in examples that run on a simulated kea-dhcp4, each as a fresh workspace (a new id,
 * so opening an example twice keeps both). The data-scope example needs its three-hook server
 * and opens in the trace debugger instead (issue 7).
 */
export function getExamples(): Example[] {
  return EXAMPLE_WORKSPACES.filter((e) => e.server === 'dhcp4').map((e) => ({
    id: e.id,
    title: e.title,
    explanation: e.explanation,
    create: () => ({
      ...createEmptyWorkspace(e.title),
      config: e.config,
      steps: e.steps.flatMap(toStep),
    }),
  }));
}
