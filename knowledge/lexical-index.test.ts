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
