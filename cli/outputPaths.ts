/**
 * The CLI's outputs never destroy a file: an output path that is an input, another output, or a
 * symbolic link is refused before any work is done (exit 2, in Danish).
 */
import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Options that name a file the CLI reads. A new one must be added here, or it is not protected. */
export const INPUT_OPTIONS = ['in', 'rules', 'previous', 'template', 'settings', 'addresses', 'recipient', 'agreements', 'ledger', 'mapping', 'steps', 'payments', 'calls'] as const;
/** Options that name a file the CLI writes. A new one must be added here. */
export const OUTPUT_OPTIONS = ['out', 'letters'] as const;
/** Options whose value is no file (a test holds every option of cli/run.ts to one of the three lists). */
export const NOT_FILE_OPTIONS = ['year', 'as-of', 'days', 'from', 'to', 'kommune', 'contact', 'sheet', 'grounds', 'hourly-cost'] as const;

/** A path as the guard sees it: which file it is, and whether it is a link. */
export interface PathFacts {
  /** Same id = same file. `inode:` when the file exists (catches hard links), else `name:` of its folder's real path + name. */
  id: string;
  /** Where a symbolic link points (absolute), when the path itself is one. */
  linkTarget?: string;
  /** True when the path exists and is neither a regular file nor a folder (a device, a pipe). */
  special?: boolean;
}

/** The real folder + the name: a file that does not exist yet, spelled through `..` or a linked folder. */
function nameId(path: string): string {
  const full = resolve(path);
  let folder = dirname(full);
  try {
    folder = realpathSync(folder);
  } catch {
    // the folder does not exist either: writing will fail with its own message
  }
  // Windows and macOS file names ignore case and Unicode form (Å typed or composed): fold both,
  // so two outputs that would be one file there are caught on every system.
  return `name:${join(folder, basename(full)).normalize('NFC').toLowerCase()}`;
}

/** What the file system says about a path (links followed for the id, not for linkTarget). */
export function pathFacts(path: string): PathFacts {
  let link: string | undefined;
  try {
    if (lstatSync(path).isSymbolicLink()) link = resolve(dirname(resolve(path)), readlinkSync(path));
  } catch {
    // does not exist: nothing to follow
  }
  try {
    const s = statSync(path, { bigint: true });
    return { id: `inode:${s.dev}:${s.ino}`, linkTarget: link, special: !s.isFile() && !s.isDirectory() };
  } catch {
    return { id: nameId(path), linkTarget: link };
  }
}

type Values = Readonly<Record<string, unknown>>;

/** The options of `names` that are given a file path (standard input "-" is no file). */
function given(values: Values, names: readonly string[]): Array<{ option: string; path: string }> {
  return names.flatMap((name) => {
    const path = values[name];
    return typeof path === 'string' && path !== '-' ? [{ option: `--${name}`, path }] : [];
  });
}

/**
 * Why these options' outputs would destroy a file, in Danish, or undefined when they are safe.
 * `facts` is the file system (a parameter, so the rule is tested apart from the disk).
 */
export function outputPathProblem(values: Values, facts: (path: string) => PathFacts = pathFacts): string | undefined {
  const inputs = given(values, INPUT_OPTIONS).map((p) => ({ ...p, facts: facts(p.path) }));
  const outputs = given(values, OUTPUT_OPTIONS).map((p) => ({ ...p, facts: facts(p.path) }));
  for (const out of outputs) {
    const target = out.facts.linkTarget;
    // Written through, a link changes a file somewhere else; replaced, it is silently broken.
    if (target !== undefined) return `${out.option} "${out.path}" er et symbolsk link til "${target}". Saldo skriver ikke gennem links: angiv filen direkte, fx ${out.option} "${target}".`;
    if (out.facts.special) return `${out.option} "${out.path}" er ikke en almindelig fil (men fx en enhed eller en pipe). Angiv en almindelig fil.`;
    const input = inputs.find((i) => i.facts.id === out.facts.id);
    if (input) return `${out.option} "${out.path}" er den samme fil som ${input.option} "${input.path}": Saldo overskriver aldrig sit input. Vælg et andet navn til ${out.option}.`;
  }
  for (const [i, a] of outputs.entries()) {
    const b = outputs.slice(i + 1).find((o) => o.facts.id === a.facts.id);
    if (b) return `${a.option} "${a.path}" og ${b.option} "${b.path}" er den samme fil: det ene resultat ville overskrive det andet. Giv dem hver sit navn.`;
  }
  return undefined;
}
