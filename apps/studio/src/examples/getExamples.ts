import type { Workspace } from '../state/workspace';

export interface Example {
  id: string;
  title: string;
  create(): Workspace;
}

/** The built-in examples, each a runnable workspace. */
export function getExamples(): Example[] {
  return [];
}
