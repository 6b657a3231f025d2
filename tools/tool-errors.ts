// Failures a tool reports as data (ARCHITECTURE.md 2): the agent shows them to the model, the
// HTTP route maps them to the project's error body.

export interface NamedCandidate {
  code: string;
  name: string;
}

/** The input is valid JSON for the schema but cannot be served (e.g. horizon beyond history). */
export class ToolInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'ToolInputError';
    this.field = field;
  }
}

export type ResolutionProblem = 'unknown' | 'ambiguous';

/** A product, category or location name that matches nothing, or more than one thing. */
export class ResolutionError extends Error {
  readonly field: string;
  readonly query: string;
  readonly problem: ResolutionProblem;
  /** For 'ambiguous': every match; for 'unknown': the closest names, if any. */
  readonly candidates: readonly NamedCandidate[];

  constructor(
    field: string,
    query: string,
    problem: ResolutionProblem,
    candidates: readonly NamedCandidate[],
    what: string,
  ) {
    const listed = candidates.map((candidate) => describe(candidate)).join(', ');
    const message =
      problem === 'ambiguous'
        ? `${field}: "${query}" matches ${candidates.length} ${what}s: ${listed}; ask which one is meant, or pass its code`
        : `${field}: no ${what} matches "${query}"${listed ? `; closest: ${listed}` : ''}`;
    super(message);
    this.name = 'ResolutionError';
    this.field = field;
    this.query = query;
    this.problem = problem;
    this.candidates = candidates;
  }
}

function describe(candidate: NamedCandidate): string {
  return candidate.code === candidate.name
    ? `"${candidate.name}"`
    : `${candidate.code} "${candidate.name}"`;
}
