import { describe, expect, it } from 'vitest';
import { checkImages, maxImageBytes, stripDataUrl } from './images';

const file = (name: string, type: string, size = 1000) => ({ name, type, size });

describe('checkImages', () => {
  it('rejects non-images and files over 20 MB by name (else the server refuses the whole message)', () => {
    const { accepted, problems } = checkImages(
      [
        file('a.jpg', 'image/jpeg'),
        file('b.pdf', 'application/pdf'),
        file('c.png', 'image/png', maxImageBytes + 1),
      ],
      0,
    );
    expect(accepted.map((item) => item.name)).toEqual(['a.jpg']);
    expect(problems).toEqual([
      { kind: 'type', name: 'b.pdf' },
      { kind: 'size', name: 'c.png' },
    ]);
  });

  it('accepts several photos up to 8 a message, counting those already attached (else a 9th breaks sending)', () => {
    const files = Array.from({ length: 5 }, (_, index) => file(`p${index}.jpg`, 'image/jpeg'));
    const { accepted, problems } = checkImages(files, 5);
    expect(accepted).toHaveLength(3);
    expect(problems).toEqual([{ kind: 'count', count: 8 }]);
  });

  it('strips the data: prefix (else the server rejects the image as not base64)', () => {
    expect(stripDataUrl('data:image/png;base64,iVBORw0=')).toBe('iVBORw0=');
  });
});
