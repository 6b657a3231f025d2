// Numbered schema migrations, applied in order at start-up (database.ts). Never edit a shipped one:
// add the next number.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The daily rows of `row`'s SKU x location x month (migration 5's triggers), summed. */
function monthCellSelect(row: 'NEW' | 'OLD'): string {
  return `SELECT ${row}.sku_id, ${row}.location_id, substr(${row}.date, 1, 7), sum(units), sum(revenue),
            count(*), sum(promo), sum(stockout)
          FROM sales
          WHERE sku_id = ${row}.sku_id AND location_id = ${row}.location_id
            AND date >= substr(${row}.date, 1, 7) || '-01' AND date <= substr(${row}.date, 1, 7) || '-31'`;
}

/** Writes `row`'s month cell from its daily rows (the row exists, so the cell has rows). */
function upsertMonthCell(row: 'NEW' | 'OLD'): string {
  return `        INSERT INTO sales_monthly
          ${monthCellSelect(row)}
        ON CONFLICT (sku_id, location_id, month) DO UPDATE SET
          units = excluded.units, revenue = excluded.revenue, rows = excluded.rows,
          promo_rows = excluded.promo_rows, stockout_rows = excluded.stockout_rows;`;
}

/** Drops `row`'s month cell and writes it again only if daily rows are left in that month. */
function rebuildMonthCell(row: 'NEW' | 'OLD'): string {
  return `        DELETE FROM sales_monthly
          WHERE sku_id = ${row}.sku_id AND location_id = ${row}.location_id
            AND month = substr(${row}.date, 1, 7);
        INSERT INTO sales_monthly
          ${monthCellSelect(row)}
          GROUP BY sku_id, location_id;`;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'planning data',
    sql: `
      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        category TEXT NOT NULL,
        brand TEXT,
        uom TEXT,
        shelf_life_days INTEGER CHECK (shelf_life_days IS NULL OR shelf_life_days > 0),
        unit_cost REAL CHECK (unit_cost IS NULL OR unit_cost >= 0),
        price REAL CHECK (price IS NULL OR price >= 0),
        lifecycle_stage TEXT,
        launch_date TEXT,
        co2e_kg_per_unit REAL CHECK (co2e_kg_per_unit IS NULL OR co2e_kg_per_unit >= 0),
        ean TEXT
      );
      CREATE INDEX products_category ON products (category);

      CREATE TABLE locations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        region TEXT NOT NULL DEFAULT 'unknown',
        city TEXT,
        kind TEXT NOT NULL DEFAULT 'dc',
        size_factor REAL
      );

      CREATE TABLE sales (
        sku_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        units REAL NOT NULL CHECK (units >= 0),
        revenue REAL,
        price REAL,
        promo INTEGER NOT NULL DEFAULT 0 CHECK (promo IN (0, 1)),
        stockout INTEGER NOT NULL DEFAULT 0 CHECK (stockout IN (0, 1)),
        PRIMARY KEY (sku_id, location_id, date)
      ) WITHOUT ROWID;
      CREATE INDEX sales_location_date ON sales (location_id, date);

      CREATE TABLE inventory (
        sku_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        on_hand REAL NOT NULL,
        on_order REAL,
        PRIMARY KEY (sku_id, location_id, date)
      ) WITHOUT ROWID;

      CREATE TABLE supply (
        sku_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        lead_time_days REAL NOT NULL CHECK (lead_time_days >= 0),
        lead_time_sd_days REAL CHECK (lead_time_sd_days IS NULL OR lead_time_sd_days >= 0),
        moq REAL CHECK (moq IS NULL OR moq >= 0),
        order_cost REAL CHECK (order_cost IS NULL OR order_cost >= 0),
        holding_cost_rate REAL CHECK (holding_cost_rate IS NULL OR holding_cost_rate >= 0),
        supplier TEXT,
        PRIMARY KEY (sku_id, location_id)
      ) WITHOUT ROWID;

      -- Holidays and events; location_id NULL = national.
      CREATE TABLE calendar_events (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('holiday', 'event')),
        location_id INTEGER REFERENCES locations (id) ON DELETE CASCADE,
        UNIQUE (date, name, location_id)
      );
      CREATE INDEX calendar_events_date ON calendar_events (date);

      -- Planned and past promotions; location_id NULL = all locations.
      CREATE TABLE promotions (
        id INTEGER PRIMARY KEY,
        sku_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        location_id INTEGER REFERENCES locations (id) ON DELETE CASCADE,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        discount_pct REAL NOT NULL CHECK (discount_pct >= 0 AND discount_pct < 100),
        CHECK (end_date >= start_date)
      );
      CREATE INDEX promotions_sku ON promotions (sku_id, start_date);

      -- Anomalies injected into the demo data (ground truth for the detectors).
      CREATE TABLE labelled_anomalies (
        id INTEGER PRIMARY KEY,
        sku_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        location_id INTEGER NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('spike', 'drop', 'level_shift', 'typo', 'feed_outage')),
        magnitude REAL NOT NULL,
        note TEXT NOT NULL,
        CHECK (end_date >= start_date)
      );

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'conversations',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_updated_at ON conversations (updated_at);

      CREATE TABLE messages (
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        run_id TEXT,
        role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant', 'tool')),
        content TEXT NOT NULL,
        thinking TEXT,
        tool_calls TEXT,
        tool_call_id TEXT,
        tool_name TEXT,
        model TEXT,
        prompt_version TEXT,
        input_tokens INTEGER CHECK (input_tokens IS NULL OR input_tokens >= 0),
        output_tokens INTEGER CHECK (output_tokens IS NULL OR output_tokens >= 0),
        created_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      ) WITHOUT ROWID;

      -- Images by content (sha256 hex); shared by the messages that attach the same bytes.
      CREATE TABLE images (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL
      );

      CREATE TABLE message_images (
        conversation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        position INTEGER NOT NULL,
        hash TEXT NOT NULL REFERENCES images (hash),
        PRIMARY KEY (conversation_id, seq, position),
        FOREIGN KEY (conversation_id, seq) REFERENCES messages (conversation_id, seq)
          ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX message_images_hash ON message_images (hash);

      CREATE TABLE tool_calls (
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        run_id TEXT NOT NULL,
        call_id TEXT NOT NULL,
        name TEXT NOT NULL,
        args TEXT,
        result TEXT,
        error TEXT,
        ms REAL NOT NULL CHECK (ms >= 0),
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
        UNIQUE (conversation_id, run_id, call_id)
      );

      CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        model TEXT,
        prompt_version TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'stopped', 'step_limit', 'failed')),
        steps INTEGER NOT NULL CHECK (steps >= 0),
        input_tokens INTEGER NOT NULL CHECK (input_tokens >= 0),
        output_tokens INTEGER NOT NULL CHECK (output_tokens >= 0),
        ms REAL NOT NULL CHECK (ms >= 0),
        ungrounded TEXT,
        started_at TEXT NOT NULL
      );
      CREATE INDEX runs_conversation ON runs (conversation_id, started_at);

      -- The older turns of a conversation, summarised, up to and including message through_seq.
      CREATE TABLE conversation_summaries (
        conversation_id TEXT PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        through_seq INTEGER NOT NULL CHECK (through_seq >= 0)
      );
    `,
  },
  {
    version: 3,
    name: 'packaging inspections',
    sql: `
      -- Photos by content (sha256 hex of the original bytes): the same photo twice is one row.
      CREATE TABLE inspection_images (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        bytes BLOB NOT NULL,
        stored_at TEXT NOT NULL
      );

      CREATE TABLE inspections (
        id TEXT PRIMARY KEY,
        image_hash TEXT NOT NULL REFERENCES inspection_images (hash),
        file_name TEXT,
        sku TEXT,
        lot TEXT,
        line TEXT,
        verdict TEXT NOT NULL CHECK (verdict IN ('pass', 'fail', 'needs_review', 'retake')),
        reasons TEXT NOT NULL,
        findings TEXT NOT NULL,
        model TEXT,
        best_before TEXT,
        decode_ms REAL NOT NULL CHECK (decode_ms >= 0),
        checks_ms REAL NOT NULL CHECK (checks_ms >= 0),
        model_ms REAL CHECK (model_ms IS NULL OR model_ms >= 0),
        total_ms REAL NOT NULL CHECK (total_ms >= 0),
        inspected_at TEXT NOT NULL
      );
      CREATE INDEX inspections_day ON inspections (inspected_at);
      CREATE INDEX inspections_sku ON inspections (sku, inspected_at);
      CREATE INDEX inspections_lot ON inspections (lot, inspected_at);
    `,
  },
  {
    version: 4,
    name: 'reports and scheduled jobs',
    sql: `
      -- Forecasts as they were made (the nightly refresh): the S&OP demand review compares a
      -- month's actuals with the forecast made before it.
      CREATE TABLE forecast_snapshots (
        made_on TEXT NOT NULL,
        sku TEXT NOT NULL,
        location TEXT NOT NULL,
        month TEXT NOT NULL CHECK (length(month) = 7),
        units REAL NOT NULL,
        lower REAL,
        upper REAL,
        method TEXT NOT NULL,
        PRIMARY KEY (made_on, sku, location, month)
      ) WITHOUT ROWID;
      CREATE INDEX forecast_snapshots_month ON forecast_snapshots (month, made_on);

      -- The nightly anomaly scan's findings (JSON), one row per scanned day.
      CREATE TABLE anomaly_scans (
        scanned_on TEXT PRIMARY KEY,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );

      -- Generated S&OP summaries; several versions of one month and scope may exist.
      CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        month TEXT NOT NULL CHECK (length(month) = 7),
        scope_key TEXT NOT NULL,
        scope TEXT NOT NULL,
        language TEXT NOT NULL,
        facts TEXT NOT NULL,
        narrative TEXT NOT NULL,
        narrative_source TEXT NOT NULL CHECK (narrative_source IN ('model', 'template')),
        model TEXT,
        prompt_version TEXT,
        trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule', 'agent', 'api')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX reports_month ON reports (month, scope_key, created_at);

      -- One row per job and key (a month, a day): a rerun of a succeeded key is skipped.
      CREATE TABLE job_runs (
        job TEXT NOT NULL,
        run_key TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        duration_ms REAL CHECK (duration_ms IS NULL OR duration_ms >= 0),
        error TEXT,
        output TEXT,
        PRIMARY KEY (job, run_key)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'monthly sales rollup',
    sql: `
      -- Sales summed by SKU x location x calendar month (month = YYYY-MM): the month grain of the
      -- sales totals reads it instead of every daily row (issue 9). Triggers recompute a month's
      -- cell from its daily rows on every insert, update and delete of sales, inside the writing
      -- statement's transaction, so every write path (CSV import, upserts, the demo load, cascade
      -- deletes) keeps it current. Recomputing (rather than adding deltas) keeps the sums exactly
      -- those of a fresh aggregation, in the same order.
      CREATE TABLE sales_monthly (
        sku_id INTEGER NOT NULL,
        location_id INTEGER NOT NULL,
        month TEXT NOT NULL CHECK (length(month) = 7),
        units REAL NOT NULL,
        revenue REAL,
        rows INTEGER NOT NULL,
        promo_rows INTEGER NOT NULL,
        stockout_rows INTEGER NOT NULL,
        PRIMARY KEY (sku_id, location_id, month)
      ) WITHOUT ROWID;

      INSERT INTO sales_monthly
        SELECT sku_id, location_id, substr(date, 1, 7), sum(units), sum(revenue), count(*),
          sum(promo), sum(stockout)
        FROM sales
        GROUP BY sku_id, location_id, substr(date, 1, 7);

      CREATE TRIGGER sales_monthly_after_insert AFTER INSERT ON sales BEGIN
${upsertMonthCell('NEW')}
      END;

      CREATE TRIGGER sales_monthly_after_update AFTER UPDATE ON sales BEGIN
${rebuildMonthCell('OLD')}
${upsertMonthCell('NEW')}
      END;

      CREATE TRIGGER sales_monthly_after_delete AFTER DELETE ON sales BEGIN
${rebuildMonthCell('OLD')}
      END;
    `,
  },
];
