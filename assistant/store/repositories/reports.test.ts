import { afterEach, describe, expect, it } from 'vitest';
import { sampleReport } from '../../sop/render-test-report';
import { scopeKey } from '../../sop/report-types';
import { openStore, type Store } from '../store';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function openReports(): Store['reports'] {
  store = openStore({ path: ':memory:' });
  return store.reports;
}

describe('reports repository', () => {
  it('reads back a saved report exactly as generated (else facts or narrative are lost in storage)', () => {
    const reports = openReports();
    const report = sampleReport({
      ungrounded: [{ text: 'S/ 99,999', sentence: 'Sales at risk are S/ 99,999.' }],
      fallbackReason: 'the model answered invalid JSON',
    });
    reports.save(report);
    expect(reports.get(report.id)).toEqual(report);
    expect(reports.get('no-such-id')).toBeUndefined();
  });

  it('keeps a template report without model or prompt version as such', () => {
    const reports = openReports();
    const report = sampleReport({ narrativeSource: 'template', language: 'es' });
    delete report.model;
    delete report.promptVersion;
    reports.save(report);
    const read = reports.get(report.id);
    expect(read).toEqual(report);
    expect(read && 'model' in read).toBe(false);
  });

  it('lists newest first, filters by month and honours the limit', () => {
    const reports = openReports();
    const facts = sampleReport().facts;
    const september = { ...facts, month: '2026-09' };
    reports.save(sampleReport({ id: 'a', createdAt: '2026-11-01T00:00:00.000Z' }));
    reports.save(
      sampleReport({
        id: 'b',
        month: '2026-09',
        facts: september,
        createdAt: '2026-11-02T00:00:00.000Z',
      }),
    );
    reports.save(sampleReport({ id: 'c', createdAt: '2026-11-03T00:00:00.000Z', trigger: 'api' }));
    expect(reports.list().map((row) => row.id)).toEqual(['c', 'b', 'a']);
    expect(reports.list({ month: '2026-10' }).map((row) => row.id)).toEqual(['c', 'a']);
    expect(reports.list({ limit: 1 })).toEqual([
      {
        id: 'c',
        month: '2026-10',
        scopeLabel: 'whole company',
        language: 'en',
        narrativeSource: 'model',
        createdAt: '2026-11-03T00:00:00.000Z',
        trigger: 'api',
      },
    ]);
  });

  it('finds the latest report of a month and scope, whatever the scope lists order or case', () => {
    const reports = openReports();
    const scope = { locations: ['LIM', 'AQP'], categories: ['Lácteos'] };
    reports.save(sampleReport({ id: 'old', scope, createdAt: '2026-11-01T00:00:00.000Z' }));
    reports.save(sampleReport({ id: 'new', scope, createdAt: '2026-11-05T00:00:00.000Z' }));
    reports.save(sampleReport({ id: 'all', createdAt: '2026-11-09T00:00:00.000Z' }));
    const key = scopeKey({ categories: ['lácteos'], locations: ['aqp', 'lim'] });
    expect(key).toBe('categories=lácteos;locations=aqp,lim');
    expect(reports.latest('2026-10', key)?.id).toBe('new');
    expect(reports.latest('2026-10', 'all')?.id).toBe('all');
    expect(reports.latest('2026-09', 'all')).toBeUndefined();
  });

  it('refuses a second report with the same id', () => {
    const reports = openReports();
    reports.save(sampleReport());
    expect(() => reports.save(sampleReport())).toThrow(/UNIQUE/);
  });
});
