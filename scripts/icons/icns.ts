// The Apple icon container: 'icns' + total length, then one chunk per image, each a
// four-letter type + chunk length (both big-endian, lengths include the 8-byte headers)
// followed by PNG data. Modern macOS reads PNG payloads for every type used here.

/** ICNS chunk type -> pixel size of the PNG it holds (the @2x types hold double sizes). */
export const ICNS_TYPES = {
  ic11: 32, // 16@2x
  ic12: 64, // 32@2x
  ic07: 128,
  ic13: 256, // 128@2x
  ic08: 256,
  ic14: 512, // 256@2x
  ic09: 512,
  ic10: 1024, // 512@2x
} as const;
export type IcnsType = keyof typeof ICNS_TYPES;

export function buildIcns(chunks: ReadonlyArray<{ type: IcnsType; png: Buffer }>): Buffer {
  const parts = chunks.map(({ type, png }) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}

/** Reads the chunk list back (for tests and sanity checks). */
export function readIcnsChunks(file: Buffer): Array<{ type: string; data: Buffer }> {
  if (file.toString('ascii', 0, 4) !== 'icns') throw new Error('Not an ICNS file (bad magic)');
  const total = file.readUInt32BE(4);
  if (total !== file.length) throw new Error(`ICNS length ${total} != file size ${file.length}`);
  const chunks: Array<{ type: string; data: Buffer }> = [];
  let at = 8;
  while (at < file.length) {
    const type = file.toString('ascii', at, at + 4);
    const len = file.readUInt32BE(at + 4);
    if (len < 8 || at + len > file.length) throw new Error(`ICNS chunk ${type} overruns the file`);
    chunks.push({ type, data: file.subarray(at + 8, at + len) });
    at += len;
  }
  return chunks;
}
