// The QC upload's state: the picked photos (each with a preview URL and any reason it will not be
// sent) and the results, one per photo, filled in as each upload returns (photos go one request
// at a time so the first verdict shows while the rest are still being inspected).
import { messageOf } from '../../lib/api/client';
import { photoFromUpload, type InspectedPhoto } from '../results/inspection-result';
import { uploadPhoto, type UploadFields } from './qc-api';
import { fileProblem, type FileProblem } from './qc-page';

export interface PickedPhoto {
  id: number;
  file: File;
  url: string;
  problem: FileProblem | undefined;
}

export interface PhotoOutcome {
  id: number;
  name: string;
  url: string;
  photo?: InspectedPhoto;
  error?: string;
}

export class QcUploadState {
  picked = $state<PickedPhoto[]>([]);
  outcomes = $state<PhotoOutcome[]>([]);
  busy = $state(false);
  done = $state(0);
  total = $state(0);
  #next = 1;
  #upload: typeof uploadPhoto;

  constructor(upload: typeof uploadPhoto = uploadPhoto) {
    this.#upload = upload;
  }

  add(files: Iterable<File>): void {
    for (const file of files)
      this.picked.push({
        id: this.#next++,
        file,
        url: URL.createObjectURL(file),
        problem: fileProblem(file),
      });
  }

  remove(id: number): void {
    const entry = this.picked.find((photo) => photo.id === id);
    if (entry) URL.revokeObjectURL(entry.url);
    this.picked = this.picked.filter((photo) => photo.id !== id);
  }

  /** Sends the acceptable photos one by one; returns how many were inspected. */
  async inspect(fields: UploadFields): Promise<number> {
    const sending = this.picked.filter((photo) => photo.problem === undefined);
    if (sending.length === 0 || this.busy) return 0;
    this.busy = true;
    this.done = 0;
    this.total = sending.length;
    this.picked = this.picked.filter((photo) => photo.problem !== undefined);
    for (const old of this.outcomes) URL.revokeObjectURL(old.url);
    this.outcomes = [];
    let inspected = 0;
    try {
      for (const photo of sending) {
        const outcome: PhotoOutcome = { id: photo.id, name: photo.file.name, url: photo.url };
        try {
          outcome.photo = photoFromUpload(await this.#upload(photo.file, fields));
          if (outcome.photo.status === 'inspected') inspected += 1;
        } catch (error) {
          outcome.error = messageOf(error);
        }
        this.outcomes.push(outcome);
        this.done += 1;
      }
    } finally {
      this.busy = false;
    }
    return inspected;
  }
}
