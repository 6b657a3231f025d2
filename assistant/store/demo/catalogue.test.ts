import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../models/calendar/dates';
import { Random } from '../../../models/stats/random';
import { buildCatalogue, ean13CheckDigit, isValidEan13, selectProducts } from './catalogue';
import { CATEGORIES } from './types';

const startDay = parseIsoDate('2023-03-01');
const endDay = parseIsoDate('2026-02-28');
const catalogue = buildCatalogue(new Random(7).fork('catalogue'), startDay, endDay);

describe('ean13CheckDigit', () => {
  it('computes the GS1 check digit of known barcodes', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(ean13CheckDigit('590123412345')).toBe(7); // 5901234123457 (GS1 example)
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow(/first12/);
  });
});

describe('buildCatalogue', () => {
  it('has about 150 products in every category, with unique SKUs, names and valid Peruvian EANs', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(140);
    expect(catalogue.length).toBeLessThanOrEqual(170);
    for (const category of CATEGORIES) {
      expect(catalogue.filter((product) => product.category === category).length).toBeGreaterThan(
        12,
      );
    }
    expect(new Set(catalogue.map((product) => product.sku)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((product) => product.name)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((product) => product.ean)).size).toBe(catalogue.length);
    for (const product of catalogue) {
      expect(product.ean.startsWith('775')).toBe(true);
      expect(isValidEan13(product.ean)).toBe(true);
    }
  });

  it('keeps perishables short-lived: produce 5-14 days, fresh dairy under 46, dry goods months or years', () => {
    const lives = (category: string) =>
      catalogue.filter((product) => product.category === category).map((p) => p.shelfLifeDays);
    expect(Math.min(...lives('fresh_produce'))).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lives('fresh_produce'))).toBeLessThanOrEqual(14);
    const dairy = lives('dairy').sort((a, b) => a - b);
    expect(dairy[Math.floor(dairy.length / 2)]).toBeLessThanOrEqual(45);
    expect(Math.min(...lives('canned_fish'))).toBeGreaterThanOrEqual(365);
    expect(Math.min(...lives('grains'))).toBeGreaterThanOrEqual(180);
  });

  it('prices in soles above unit cost, with positive CO2e', () => {
    for (const product of catalogue) {
      expect(product.price).toBeGreaterThan(0);
      expect(product.unitCost).toBeGreaterThan(0);
      expect(product.unitCost).toBeLessThan(product.price);
      expect(product.co2eKgPerUnit).toBeGreaterThan(0);
      const steps = product.model.priceSteps;
      expect(steps[steps.length - 1]?.price).toBe(product.price);
    }
    const cheese = catalogue.find((product) => product.name === 'Queso fresco 500 g');
    const water = catalogue.find((product) => product.name === 'Agua de mesa 2.5 L');
    expect((cheese?.co2eKgPerUnit ?? 0) / 0.5).toBeGreaterThan((water?.co2eKgPerUnit ?? 0) / 2.5);
  });

  it('gives every lifecycle stage launch dates that agree with it', () => {
    const stages = new Set(catalogue.map((product) => product.lifecycleStage));
    expect([...stages].sort()).toEqual(['decline', 'discontinued', 'growth', 'launch', 'mature']);
    for (const product of catalogue) {
      const launch = parseIsoDate(product.launchDate);
      const { model } = product;
      if (product.lifecycleStage === 'launch') expect(endDay - launch).toBeLessThan(120);
      if (product.lifecycleStage === 'growth') expect(launch).toBeGreaterThan(startDay);
      if (product.lifecycleStage === 'mature') expect(launch).toBeLessThan(startDay);
      if (product.lifecycleStage === 'discontinued') {
        expect(model.discontinueDay).not.toBeNull();
        expect(model.discontinueDay ?? 0).toBeLessThan(endDay);
      } else expect(model.discontinueDay).toBeNull();
      if (product.lifecycleStage === 'decline') expect(model.declineStartDay).not.toBeNull();
    }
  });

  it('is the same for the same seed and window, and differs for another seed', () => {
    const again = buildCatalogue(new Random(7).fork('catalogue'), startDay, endDay);
    expect(again).toEqual(catalogue);
    const other = buildCatalogue(new Random(8).fork('catalogue'), startDay, endDay);
    expect(other.map((product) => product.model.level)).not.toEqual(
      catalogue.map((product) => product.model.level),
    );
    expect(other.map((product) => product.sku)).toEqual(catalogue.map((product) => product.sku));
  });
});

describe('selectProducts', () => {
  it('takes a small subset round-robin over categories, in catalogue order', () => {
    const chosen = selectProducts(catalogue, 14, undefined);
    expect(chosen).toHaveLength(14);
    for (const category of CATEGORIES) {
      expect(chosen.filter((product) => product.category === category)).toHaveLength(2);
    }
    expect(chosen.map((product) => product.index)).toEqual(
      [...chosen.map((product) => product.index)].sort((a, b) => a - b),
    );
    expect(
      selectProducts(catalogue, undefined, ['dairy']).every((p) => p.category === 'dairy'),
    ).toBe(true);
  });
});
