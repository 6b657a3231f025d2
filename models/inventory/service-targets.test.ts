import { describe, expect, it } from 'vitest';
import { policyTableAfter as tableAfter } from './service-level-policy.fixture';
import {
  DISTRIBUTION_CENTRE_CLASSES,
  SERVICE_TARGETS,
  serviceTargetFor,
  type DistributionCentreClass,
} from './service-targets';

describe('service targets', () => {
  it('equal the targets table of niveles-de-servicio.md (else the code and the policy document drifted)', () => {
    const rows = tableAfter('## Objetivos por categoría y clase de CD');
    const classes: DistributionCentreClass[] = ['lima', 'province', 'remote'];
    const fromDocument: Record<
      string,
      Record<string, { cycleServiceLevel: number; fillRate: number }>
    > = {};
    for (const row of rows) {
      const code = /`([a-z_]+)`/.exec(row[0] ?? '')?.[1];
      expect(code, `category code in "${row[0]}"`).toBeDefined();
      fromDocument[code!] = Object.fromEntries(
        classes.map((name, index) => {
          const [csl, fill] = (row[index + 1] ?? '').split('/').map((part) => Number(part.trim()));
          return [name, { cycleServiceLevel: csl! / 100, fillRate: fill! / 100 }];
        }),
      );
    }
    expect(Object.keys(fromDocument).sort()).toEqual(Object.keys(SERVICE_TARGETS).sort());
    for (const [category, byClass] of Object.entries(fromDocument)) {
      for (const name of classes) {
        expect(SERVICE_TARGETS[category]![name].cycleServiceLevel).toBeCloseTo(
          byClass[name]!.cycleServiceLevel,
          12,
        );
        expect(SERVICE_TARGETS[category]![name].fillRate).toBeCloseTo(byClass[name]!.fillRate, 12);
      }
    }
  });

  it("put each DC in the class niveles-de-servicio.md gives it (else a DC gets another class's target)", () => {
    const rows = tableAfter('## Clases de centro de distribución');
    const names: Record<string, DistributionCentreClass> = {
      Lima: 'lima',
      Provincia: 'province',
      Remoto: 'remote',
    };
    for (const row of rows) {
      const name = names[row[0] ?? ''];
      expect(name, `class "${row[0]}"`).toBeDefined();
      const codes = (row[1] ?? '').split(',').map((code) => code.trim());
      expect([...DISTRIBUTION_CENTRE_CLASSES[name!]].sort()).toEqual(codes.sort());
    }
  });

  it('caps a perishable beverage at the dairy target of its class (else rule 1 is not applied)', () => {
    const resolved = serviceTargetFor({
      category: 'beverages',
      locationCode: 'LIM-ATE',
      shelfLifeDays: 20,
    });
    expect(resolved.cycleServiceLevel).toBeCloseTo(0.93, 12);
    expect(resolved.fillRate).toBeCloseTo(0.975, 12);
    const shelfStable = serviceTargetFor({
      category: 'beverages',
      locationCode: 'LIM-ATE',
      shelfLifeDays: 365,
    });
    expect(shelfStable.cycleServiceLevel).toBeCloseTo(0.95, 12);
  });

  it('gives long-life dairy the canned-fish target (else rule 2 is not applied)', () => {
    const resolved = serviceTargetFor({
      category: 'dairy',
      locationCode: 'AQP',
      shelfLifeDays: 365,
    });
    expect(resolved.cycleServiceLevel).toBeCloseTo(0.95, 12);
    expect(resolved.fillRate).toBeCloseTo(0.985, 12);
    expect(
      serviceTargetFor({ category: 'dairy', locationCode: 'AQP', shelfLifeDays: 21 })
        .cycleServiceLevel,
    ).toBeCloseTo(0.9, 12);
  });

  it('falls back to CSL 95 % for an unknown DC or category (else rule 5 is not applied)', () => {
    expect(
      serviceTargetFor({ category: 'grains', locationCode: 'NOWHERE' }).cycleServiceLevel,
    ).toBe(0.95);
    expect(serviceTargetFor({ category: 'toys', locationCode: 'AQP' }).cycleServiceLevel).toBe(
      0.95,
    );
  });

  it('rejects a shelf life of zero naming the field (else bad catalogue data passes silently)', () => {
    expect(() =>
      serviceTargetFor({ category: 'dairy', locationCode: 'AQP', shelfLifeDays: 0 }),
    ).toThrow(/shelfLifeDays/);
  });
});
