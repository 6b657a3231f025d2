// Planning records (migration 4): the nightly forecast refresh's monthly forecasts as they were
// made (forecast_snapshots), so the S&OP demand review compares a month's actuals with the forecast
// made before it, and the nightly anomaly scan's findings per month (anomaly_scans, JSON).
import { z } from 'zod';
import { detectAnomaliesOutput, type DetectAnomaliesOutput } from '../../../tools/detect-anomalies';
import type { PlanningRecords, StoredAnomalyScan } from '../../../tools/sop/sop-facts';
import type { SqliteDatabase } from '../database';

export interface ForecastSnapshotRow {
  /** ISO date the forecast was made */
  madeOn: string;
  sku: string;
  location: string;
  /** YYYY-MM the forecast is for */
  month: string;
  units: number;
  lower: number | null;
  upper: number | null;
  method: string;
}

/** detect_anomalies' output for one month, as the nightly scan ran it. */
export interface MonthScan {
  /** YYYY-MM */
  month: string;
  output: DetectAnomaliesOutput;
}

export interface AnomalyScanRecord {
  /** ISO date of the scan (one row per day: a rerun replaces it) */
  scannedOn: string;
  /** first and last day the scan covers */
  from: string;
  to: string;
  months: MonthScan[];
  createdAt: string;
}

const scanJson = z.object({
  months: z.array(z.object({ month: z.string(), output: detectAnomaliesOutput })),
});

interface ScanRow {
  scanned_on: string;
  from_date: string;
  to_date: string;
  result: string;
  created_at: string;
}

function toScan(row: ScanRow): AnomalyScanRecord {
  const parsed = scanJson.safeParse(JSON.parse(row.result));
  if (!parsed.success)
    throw new Error(
      `stored anomaly scan of ${row.scanned_on} no longer fits the current schema (${parsed.error.issues[0]?.message ?? 'invalid'}): run \`ayni jobs run anomaly-scan --force\``,
    );
  return {
    scannedOn: row.scanned_on,
    from: row.from_date,
    to: row.to_date,
    months: parsed.data.months,
    createdAt: row.created_at,
  };
}

export function createPlanningRepository(database: SqliteDatabase) {
  const insertSnapshot = database.prepare(`
    INSERT OR REPLACE INTO forecast_snapshots (made_on, sku, location, month, units, lower, upper, method)
    VALUES (@madeOn, @sku, @location, @month, @units, @lower, @upper, @method)
  `);
  const insertSnapshots = database.transaction((rows: readonly ForecastSnapshotRow[]) => {
    for (const row of rows) insertSnapshot.run(row);
  });
  const latestMadeOn = database.prepare<[string, string], { made_on: string }>(
    `SELECT max(made_on) AS made_on FROM forecast_snapshots WHERE month = ? AND made_on <= ?`,
  );
  const snapshotsOf = database.prepare<
    [string, string],
    Omit<ForecastSnapshotRow, 'madeOn'> & { madeOn: string }
  >(
    `SELECT made_on AS madeOn, sku, location, month, units, lower, upper, method
     FROM forecast_snapshots WHERE month = ? AND made_on = ? ORDER BY sku, location`,
  );
  const countMadeOn = database.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM forecast_snapshots WHERE made_on = ?',
  );
  const upsertScan = database.prepare(`
    INSERT OR REPLACE INTO anomaly_scans (scanned_on, from_date, to_date, result, created_at)
    VALUES (@scanned_on, @from_date, @to_date, @result, @created_at)
  `);
  const latestScan = database.prepare<[], ScanRow>(
    'SELECT * FROM anomaly_scans ORDER BY scanned_on DESC LIMIT 1',
  );
  const scanOn = database.prepare<[string], ScanRow>(
    'SELECT * FROM anomaly_scans WHERE scanned_on = ?',
  );
  // a scan covers a month when its range overlaps it; the JSON says whether the month is in it
  const scansOverlapping = database.prepare<[string, string], ScanRow>(
    `SELECT * FROM anomaly_scans WHERE from_date <= ? AND to_date >= ? ORDER BY scanned_on DESC`,
  );

  return {
    /** Writes forecasts in one transaction (a rerun of the same day replaces its rows). */
    saveForecastSnapshots(rows: readonly ForecastSnapshotRow[]): void {
      insertSnapshots(rows);
    },
    /** The rows of the latest made_on <= madeOnOrBefore that forecast `month`. */
    forecastSnapshots(month: string, madeOnOrBefore: string): ForecastSnapshotRow[] {
      const madeOn = latestMadeOn.get(month, madeOnOrBefore)?.made_on;
      return madeOn ? snapshotsOf.all(month, madeOn) : [];
    },
    /** How many forecasts were made on a day. */
    snapshotCount(madeOn: string): number {
      return countMadeOn.get(madeOn)?.count ?? 0;
    },
    /** Stores a day's scan (a rerun of the same day replaces it). */
    saveAnomalyScan(scan: Omit<AnomalyScanRecord, 'createdAt'> & { createdAt: string }): void {
      upsertScan.run({
        scanned_on: scan.scannedOn,
        from_date: scan.from,
        to_date: scan.to,
        result: JSON.stringify({ months: scan.months }),
        created_at: scan.createdAt,
      });
    },
    latestAnomalyScan(): AnomalyScanRecord | undefined {
      const row = latestScan.get();
      return row && toScan(row);
    },
    anomalyScanOn(scannedOn: string): AnomalyScanRecord | undefined {
      const row = scanOn.get(scannedOn);
      return row && toScan(row);
    },
    /** The month's findings from the latest scan that ran over it. */
    anomalyScanOfMonth(month: string): StoredAnomalyScan | undefined {
      for (const row of scansOverlapping.iterate(`${month}-31`, `${month}-01`)) {
        const found = toScan(row).months.find((entry) => entry.month === month);
        if (found) return { scannedOn: row.scanned_on, ...found.output };
      }
      return undefined;
    },
  };
}

export type PlanningRepository = ReturnType<typeof createPlanningRepository>;

/** The tools' PlanningRecords over the repository. */
export function planningRecordsOf(repository: PlanningRepository): PlanningRecords {
  return {
    forecastSnapshots: (month, madeOnOrBefore) =>
      repository.forecastSnapshots(month, madeOnOrBefore).map((row) => ({
        madeOn: row.madeOn,
        sku: row.sku,
        location: row.location,
        units: row.units,
        lower: row.lower,
        upper: row.upper,
        method: row.method,
      })),
    anomalyScan: (month) => repository.anomalyScanOfMonth(month),
  };
}
