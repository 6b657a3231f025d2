// The vision model behind the tools' ToolVisionModel (issue 6, step 3): one chat turn through the
// LlmClient with the photo in the user message's `images`, the answer's JSON Schema as `format`
// and temperature 0, so the same photo gets the same answer. The system message is the versioned
// packaging-vision prompt unless the request brings its own.
import { packagingVisionV1 } from '../../prompts/packaging-vision/v1';
import type { LlmClient, LlmMessage } from '../llm/llm-client';
import type {
  ToolVisionModel,
  VisionModelAnswer,
  VisionModelRequest,
} from '../../tools/inspection/inspection-records';

export const packagingVisionPrompt = packagingVisionV1;

export function createVisionModel(llm: LlmClient, model: string): ToolVisionModel {
  if (model.trim() === '') {
    throw new TypeError('model: the vision model name is empty; set AYNI_VISION_MODEL');
  }
  return {
    model,
    async ask(request: VisionModelRequest): Promise<VisionModelAnswer> {
      const started = performance.now();
      const messages: LlmMessage[] = [
        { role: 'system', content: request.system ?? packagingVisionPrompt.render({}) },
        { role: 'user', content: request.prompt, images: [...request.images] },
      ];
      const result = await llm.chat({
        model,
        messages,
        format: request.schema,
        options: { temperature: 0 },
        signal: request.signal,
      });
      return {
        content: result.message.content,
        model: result.model,
        ms: performance.now() - started,
      };
    },
  };
}
