// The one place that picks TensorFlow.js's backend. The WebAssembly backend runs offline: its
// .wasm binaries ship inside the @tensorflow/tfjs-backend-wasm package and are read from there.
// (@tensorflow/tfjs-node, faster, downloads libtensorflow at install and cannot install
// everywhere; where it does, it can be swapped in here alone.) models/ receives the namespace.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Tensorflow } from '../../models/forecast/global';

export type TensorflowBackend = 'wasm' | 'cpu';

let ready: Promise<Tensorflow> | undefined;
let readyBackend: TensorflowBackend | undefined;

/** Folder of the wasm backend's .wasm files inside node_modules (with a trailing separator). */
export function wasmBinaryFolder(): string {
  const require = createRequire(import.meta.url);
  const packageFile = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(packageFile), 'dist') + path.sep;
}

async function initialise(backend: TensorflowBackend): Promise<Tensorflow> {
  if (backend === 'wasm') setWasmPaths(wasmBinaryFolder());
  const switched = await tf.setBackend(backend);
  await tf.ready();
  if (!switched || tf.getBackend() !== backend) {
    throw new Error(`TensorFlow.js backend "${backend}" failed to initialise`);
  }
  return tf;
}

/**
 * The tfjs namespace with the backend set (default wasm), initialised once per process. Asking
 * for a different backend afterwards is an error: tfjs has one global backend.
 */
export function loadTensorflow(backend: TensorflowBackend = 'wasm'): Promise<Tensorflow> {
  if (ready !== undefined) {
    if (readyBackend !== backend) {
      return Promise.reject(
        new Error(
          `backend: TensorFlow.js already runs on "${readyBackend}" in this process; cannot switch to "${backend}"`,
        ),
      );
    }
    return ready;
  }
  readyBackend = backend;
  ready = initialise(backend).catch((error: unknown) => {
    ready = undefined;
    readyBackend = undefined;
    throw error;
  });
  return ready;
}
