// The result view for each tool: one Svelte component per tool result type.
// A tool with no entry here (or a result that does not match the component's
// expected shape) is shown by the chat's generic JSON view.
import type { Component } from 'svelte';

export type ResultViewProps = { result: unknown; args: unknown };
export type ResultView = Component<ResultViewProps>;

const views: Record<string, ResultView> = {};

/** The component that renders `tool`'s structured result, or undefined when there is none. */
export function resultViewFor(tool: string): ResultView | undefined {
  return Object.hasOwn(views, tool) ? views[tool] : undefined;
}
