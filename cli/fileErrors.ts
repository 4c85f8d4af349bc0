/**
 * File-system failures in Danish: Node's codes (ENOENT, EISDIR …) mean nothing to a caseworker,
 * and a failed write must never be blamed on the input file.
 */

/** Why a path could not be read or written, as a Danish phrase ("findes ikke", "er en mappe" …). */
export function fileProblem(e: unknown, writing = false): string {
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return writing ? 'kan ikke oprettes: mappen, den skal ligge i, findes ikke' : 'findes ikke';
    case 'EISDIR':
      return 'er en mappe, ikke en fil';
    case 'ENOTDIR':
      return 'har en sti, hvor en del ikke er en mappe';
    case 'EACCES':
    case 'EPERM':
      return 'kan ikke bruges: adgang nægtet';
    case 'EROFS':
      return 'ligger på et skrivebeskyttet drev';
    case 'ENOSPC':
      return 'kan ikke skrives: disken er fuld';
    case 'EBUSY':
      return 'er i brug af et andet program (er den åben i Excel?)';
    default:
      return `kan ikke bruges (${code ?? 'ukendt fejl'})`;
  }
}

/** True for an error from the file system (it carries a Node error code such as ENOENT). */
export const isFileError = (e: unknown): boolean => typeof (e as { code?: unknown } | null)?.code === 'string' && /^E[A-Z]+$/.test((e as { code: string }).code);
