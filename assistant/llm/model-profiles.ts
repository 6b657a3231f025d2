// Model roles per machine size (AYNI_MODEL_PROFILE). Each tag exists in the Ollama library; the
// chat models list the `tools` capability, the vision models `vision`, bge-m3 `embedding`.
// bge-m3 (567M, multilingual, 8k tokens) is small enough for every profile and reads Spanish well.
// num_ctx grows the KV cache linearly: on qwen3:8b, 16k tokens take about 2.4 GB (fp16 K and V: 2 x 36 layers x 8 heads x 128 x 2 bytes a token).

export type ModelProfileName = 'small' | 'default' | 'large';

export interface ModelProfile {
  /** who it is for, shown in the README */
  machine: string;
  models: { chat: string; vision: string; embed: string };
  numCtx: number;
}

export const MODEL_PROFILES: Readonly<Record<ModelProfileName, ModelProfile>> = {
  small: {
    machine: 'a laptop with 8-16 GB of RAM and no GPU',
    models: { chat: 'qwen3:4b', vision: 'qwen2.5vl:3b', embed: 'bge-m3' },
    numCtx: 8192,
  },
  default: {
    machine: 'a GPU with 12-16 GB, or a 32 GB Apple silicon Mac',
    models: { chat: 'qwen3:8b', vision: 'qwen2.5vl:7b', embed: 'bge-m3' },
    numCtx: 16384,
  },
  large: {
    machine: 'a GPU with 32 GB or more (e.g. 48 GB workstation cards)',
    models: { chat: 'qwen3:32b', vision: 'qwen2.5vl:32b', embed: 'bge-m3' },
    numCtx: 32768,
  },
};

export const MODEL_PROFILE_NAMES = Object.keys(MODEL_PROFILES) as ModelProfileName[];
