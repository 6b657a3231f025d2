// The one error a tidy file gets: where (file, line, column), the value, what is wrong and the fix.

export class TidyFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string | null,
    readonly value: string | null,
    readonly problem: string,
    readonly fix: string,
  ) {
    const where = column === null ? `line ${line}` : `line ${line}, column ${column}`;
    const shown =
      value === null
        ? ''
        : ` ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value)}`;
    super(`${file}: ${where}:${shown} ${problem}: ${fix}`);
    this.name = 'TidyFileError';
  }
}
