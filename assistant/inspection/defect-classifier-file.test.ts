import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../models/stats/random';
import {
  classifierKinds,
  fitDefectModel,
  severityClasses,
} from '../../models/vision/classifier/defect-model';
import { defectFeatureNames } from '../../models/vision/classifier/features';
import { syntheticCan } from '../../models/vision/classifier/fixtures/synthetic-cans';
import {
  FEATURE_LONG_SIDE,
  featuresOfImage,
  loadDefectClassifier,
  predictDefect,
  saveDefectClassifier,
  type DefectClassifier,
} from './defect-classifier-file';

function trained(kind: (typeof classifierKinds)[number]): DefectClassifier {
  const random = createRandom(1);
  const images = [0, 1, 2, 3].flatMap((severity) =>
    [0, 1, 2].map((copy) =>
      syntheticCan({
        random: random.fork(`${severity} ${copy}`),
        rustBlobs: severity * 2,
        dentDepth: severity === 3 ? 15 : 0,
      }),
    ),
  );
  const rows = images.map((image) => featuresOfImage(image));
  const severities = [0, 1, 2, 3].flatMap((severity) => [severity, severity, severity]);
  return {
    featureNames: [...defectFeatureNames],
    classNames: [...severityClasses],
    featureLongSide: FEATURE_LONG_SIDE,
    model: fitDefectModel(kind, rows, severities, { random: createRandom(2) }),
    training: {
      trainedAt: '2026-11-26T00:00:00.000Z',
      photos: 12,
      countsByLabel: { no_defect: 3 },
      seed: 2,
    },
  };
}

describe('defect classifier file', () => {
  for (const kind of classifierKinds) {
    it(`${kind}: a saved model loads back and predicts identically (else the JSON loses weights or trees)`, () => {
      const classifier = trained(kind);
      const path = join(mkdtempSync(join(tmpdir(), 'ayni-model-')), 'model.json');
      saveDefectClassifier(path, classifier);
      const loaded = loadDefectClassifier(path);
      const photo = syntheticCan({ random: createRandom(77), rustBlobs: 3 });
      expect(predictDefect(loaded, photo)).toEqual(predictDefect(classifier, photo));
    });
  }

  it('asks for retraining when the file was trained on other features', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ayni-model-')), 'model.json');
    saveDefectClassifier(path, trained('logistic'));
    const body = JSON.parse(readFileSync(path, 'utf8')) as { featureNames: string[] };
    body.featureNames[0] = 'something_else';
    writeFileSync(path, JSON.stringify(body));
    expect(() => loadDefectClassifier(path)).toThrow(/other features.*retrain/);
  });

  it('names the file and the field of a file that is not a classifier', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ayni-model-')), 'model.json');
    writeFileSync(path, JSON.stringify({ format: 'ayni-defect-classifier', version: 2 }));
    expect(() => loadDefectClassifier(path)).toThrow(
      /model\.json: not an ayni-defect-classifier v1 file \(version/,
    );
    expect(() => loadDefectClassifier(join(path, 'missing'))).toThrow(/cannot read the classifier/);
  });
});
