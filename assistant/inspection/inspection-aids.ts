// What the deployment adds to packaging inspection: the golden references (knowledge/qc and
// AYNI_DATA_DIR/qc) and, when `ayni inspect train` has saved one, the trained defect classifier.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RgbaImage } from '../../models/vision/image';
import type { InspectionAids } from '../../tools/tool-context';
import { DEFAULT_CLASSIFIER_FILE } from '../cli/commands/inspect-train';
import {
  loadDefectClassifier,
  predictDefect,
  type DefectClassifier,
} from './defect-classifier-file';
import { createReferenceStore, type ReferenceStore } from './reference-store';

interface AidsLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface LoadedInspectionAids extends InspectionAids {
  references: ReferenceStore;
  /** the classifier file used, when one was loaded */
  classifierFile?: string;
}

/** The classifier as the pipeline calls it: no opinion (undefined) when no package stands out. */
export function classifierOpinion(classifier: DefectClassifier) {
  return (image: RgbaImage) => {
    try {
      const prediction = predictDefect(classifier, image);
      return { probabilityDefect: prediction.probabilityDefect, severity: prediction.severity };
    } catch (error) {
      // The features need one package against a plain background; other photos get no opinion.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  };
}

export function loadInspectionAids(options: {
  dataDir: string;
  logger: AidsLogger;
  repositoryQcDir?: string;
}): LoadedInspectionAids {
  const references = createReferenceStore({
    importDir: join(options.dataDir, 'qc'),
    ...(options.repositoryQcDir ? { repositoryDir: options.repositoryQcDir } : {}),
  });
  const classifierFile = join(options.dataDir, DEFAULT_CLASSIFIER_FILE);
  if (!existsSync(classifierFile)) return { references };
  try {
    const classifier = loadDefectClassifier(classifierFile);
    options.logger.info({ classifierFile }, 'packaging defect classifier loaded');
    return { references, classifier: classifierOpinion(classifier), classifierFile };
  } catch (error) {
    options.logger.warn(
      { err: error, classifierFile },
      `the defect classifier was not loaded: ${error instanceof Error ? error.message : String(error)}; retrain it with ayni inspect train`,
    );
    return { references };
  }
}
