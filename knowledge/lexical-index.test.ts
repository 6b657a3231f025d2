import { describe, expect, it } from 'vitest';
import { LexicalIndex } from './lexical-index';

const documents = [
  {
    id: 0,
    title: 'Calidad',
    heading: 'Defectos críticos',
    text: 'Un envase con fuga es un defecto crítico: se rechaza el lote.',
  },
  {
    id: 1,
    title: 'Calidad',
    heading: 'Tolerancias',
    text: 'La tolerancia de peso neto es de 1,5 % por unidad.',
  },
  {
    id: 2,
    title: 'Productos',
    heading: 'Quinua',
    text: 'El SKU GRA-005 es quinua blanca de 500 g; el GRA-006 es de 1 kg.',
  },
  {
    id: 3,
    title: 'Servicio',
    heading: 'Líneas',
    text: 'Las líneas de lácteos tienen un nivel de servicio de 98 %.',
  },
];

describe('LexicalIndex (BM25)', () => {
  it('scores by the BM25 formula (k1 = 1.2, b = 0.75), worked by hand for a two-chunk corpus', () => {
    const index = new LexicalIndex([
      { id: 10, title: '', heading: '', text: 'quinua quinua arroz' },
      { id: 11, title: '', heading: '', text: 'arroz' },
    ]);
    // "quinua": in 1 of 2 chunks; tf 2 in a 3-term chunk, average length 2
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const tf = 2 / (1 - 0.75 + (0.75 * 3) / 2);
    expect(index.search('quinua', 5)).toEqual([
      { id: 10, score: expect.closeTo((idf * tf) / (1.2 + tf), 12) },
    ]);
    // "arroz" in both: the shorter chunk ranks first
    expect(index.search('arroz', 5).map((hit) => hit.id)).toEqual([11, 10]);
  });

  it('keeps only the best `limit` chunks, best first', () => {
    const many = Array.from({ length: 30 }, (_, id) => ({
      id,
      title: '',
      heading: '',
      text: `lote ${'relleno '.repeat(id)}`,
    }));
    const hits = new LexicalIndex(many).search('lote', 3);
    expect(hits.map((hit) => hit.id)).toEqual([0, 1, 2]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('finds a passage whatever the accents and plural ("linea lacteo" matches "líneas de lácteos")', () => {
    const index = new LexicalIndex(documents);
    expect(index.search('linea lacteo', 3)[0]?.id).toBe(3);
  });

  it('finds a product by its whole code and not its neighbour (codes must not split on the hyphen)', () => {
    const index = new LexicalIndex(documents);
    const hits = index.search('GRA-006', 5);
    expect(hits.map((hit) => hit.id)).toEqual([2]);
    expect(index.search('gra', 5)).toEqual([]);
  });

  it('ranks the passage whose heading names the topic first ("defectos" in a heading)', () => {
    const index = new LexicalIndex([
      ...documents,
      {
        id: 4,
        title: 'Otros',
        heading: 'Notas',
        text: 'Se anotan los defectos menores en la planilla.',
      },
    ]);
    expect(index.search('defectos', 5)[0]?.id).toBe(0);
  });

  it('returns nothing for a query of stop words only, instead of everything', () => {
    expect(new LexicalIndex(documents).search('de la y el', 5)).toEqual([]);
  });
});
