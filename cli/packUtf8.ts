/**
 * Text pieces packed as UTF-8 into one reused buffer. Writing each piece on its own costs a call
 * each; joining them first costs a copy, and in Node 20 encoding a joined (rope) string is slow:
 * 17 MB of a batch took 90 ms that way against 9 ms packed (issue 22's profile). Fresh memory is
 * dear too (about 3 ms a megabyte on the bench machine), so the buffer is reused.
 */

/**
 * Yields views of the buffer, each full but for the last; a view is valid until the next is asked
 * for. A piece of bytes is copied as it is, before the next piece is asked for.
 */
export function* packUtf8(pieces: Iterable<string | Uint8Array>, size = 1 << 20): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (piece.length > buffer.length - used) {
        if (used > 0) yield buffer.subarray(0, used);
        used = 0;
        if (piece.length > buffer.length) buffer = Buffer.allocUnsafe(piece.length);
      }
      buffer.set(piece, used);
      used += piece.length;
      continue;
    }
    // At most 3 bytes per UTF-16 unit (a pair beyond the BMP is 4 bytes for 2 units).
    if (piece.length * 3 > buffer.length - used) {
      if (used > 0) yield buffer.subarray(0, used);
      used = 0;
      if (piece.length * 3 > buffer.length) buffer = Buffer.allocUnsafe(piece.length * 3);
    }
    used += buffer.write(piece, used);
  }
  if (used > 0) yield buffer.subarray(0, used);
}
