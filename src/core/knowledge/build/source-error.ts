/**
 * The one error a malformed source produces: it names the file, the line and (when known) the
 * unit, so the person fixing the source can go straight there. The builder writes nothing when
 * one is thrown.
 */
export class KnowledgeSourceError extends Error {
  constructor(
    readonly reason: string,
    readonly where: { file: string; line: number; unit?: number | null },
  ) {
    const unit = where.unit ? `Unit ${where.unit}: ` : '';
    super(`${where.file}:${where.line}: ${unit}${reason}`);
    this.name = 'KnowledgeSourceError';
  }
}

/** Where the parser is, so every helper can raise a precise error. */
export interface SourceContext {
  file: string;
  unit: number | null;
}

/** Throws a {@link KnowledgeSourceError} at `line`. */
export function fail(context: SourceContext, line: number, reason: string): never {
  throw new KnowledgeSourceError(reason, { file: context.file, line, unit: context.unit });
}
