/// <reference path="./worker-bindings.d.ts" />
/**
 * The same for a Node program (the CLI), which has no DOM: Web Crypto's type by its DOM name, as
 * worker/crypto.ts spells it.
 */
type SubtleCrypto = import('node:crypto').webcrypto.SubtleCrypto;
