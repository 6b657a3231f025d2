import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTensorflow, wasmBinaryFolder } from './tensorflow-backend';

describe('TensorFlow.js backend', () => {
  it('finds the wasm binaries inside node_modules (else the backend would try to fetch them)', () => {
    expect(existsSync(path.join(wasmBinaryFolder(), 'tfjs-backend-wasm.wasm'))).toBe(true);
  });

  it('initialises the wasm backend offline once and computes with it (else models get no working tf)', async () => {
    const tf = await loadTensorflow();
    expect(tf.getBackend()).toBe('wasm');
    expect(await loadTensorflow()).toBe(tf);
    const product = tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2]));
    expect(Array.from(product.dataSync())).toEqual([19, 22, 43, 50]);
    product.dispose();
  });

  it('refuses to switch backends after initialising (else tfjs would silently change global state)', async () => {
    await loadTensorflow('wasm');
    await expect(loadTensorflow('cpu')).rejects.toThrow(/^backend: .*already runs on "wasm"/);
  });
});
