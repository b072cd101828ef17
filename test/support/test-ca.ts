// A certificate authority made for one test run, and server certificates it signs, with
// Debian's openssl. Tests that need TLS the way users meet it (a CDN's certificate, a
// corporate inspection root) trust this CA explicitly, so nothing is accepted by accident.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isIP } from 'node:net';
import { join } from 'node:path';

export interface TestCa {
  /** The CA's certificate (PEM): what a client must trust. */
  readonly cert: string;
  /** A key and certificate for a server known by these names (DNS names or IP addresses). */
  issue(names: readonly string[]): { key: string; cert: string };
}

function openssl(dir: string, args: readonly string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

export function createTestCa(commonName = 'Pika Tray Test CA'): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'pika-test-ca-'));
  try {
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      `/CN=${commonName}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    const caKey = readFileSync(join(dir, 'ca.key'), 'utf8');
    const caCert = readFileSync(join(dir, 'ca.crt'), 'utf8');
    let serial = 1;
    return {
      cert: caCert,
      issue(names) {
        const work = mkdtempSync(join(tmpdir(), 'pika-test-leaf-'));
        try {
          writeFileSync(join(work, 'ca.key'), caKey);
          writeFileSync(join(work, 'ca.crt'), caCert);
          const san = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
          writeFileSync(
            join(work, 'ext.cnf'),
            `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
          );
          openssl(work, [
            'req',
            '-newkey',
            'ec',
            '-pkeyopt',
            'ec_paramgen_curve:prime256v1',
            '-nodes',
            '-keyout',
            'leaf.key',
            '-out',
            'leaf.csr',
            '-subj',
            `/CN=${names[0] ?? 'localhost'}`,
          ]);
          openssl(work, [
            'x509',
            '-req',
            '-in',
            'leaf.csr',
            '-CA',
            'ca.crt',
            '-CAkey',
            'ca.key',
            '-set_serial',
            String(serial++),
            '-days',
            '2',
            '-extfile',
            'ext.cnf',
            '-out',
            'leaf.crt',
          ]);
          return {
            key: readFileSync(join(work, 'leaf.key'), 'utf8'),
            cert: readFileSync(join(work, 'leaf.crt'), 'utf8'),
          };
        } finally {
          rmSync(work, { recursive: true, force: true });
        }
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
