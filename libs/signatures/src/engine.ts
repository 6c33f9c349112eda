import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let engine: pkijs.ICryptoEngine | undefined;

/**
 * The pkijs crypto engine of this library, backed by Node's WebCrypto.
 *
 * pkijs keeps a *global* engine (on `global[process.pid]`) set at import time from
 * `globalThis.crypto`; under Jest that global is the sandbox's and other code may
 * replace it. This library never calls `pkijs.setEngine` and never relies on the
 * global one: every pkijs call that takes a `crypto` argument gets this engine.
 */
export function cryptoEngine(): pkijs.ICryptoEngine {
  engine ??= new pkijs.CryptoEngine({
    name: 'motcua-node-webcrypto',
    crypto: webcrypto as unknown as ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'],
  });
  return engine;
}
