-- production_monthly_totals follows production_entries on every write path (grid saves, imports,
-- CLI, hand-written SQL): statement-level triggers with transition tables, one grouped upsert per
-- statement. Rows are upserted in key order so concurrent statements lock them in the same order.
CREATE OR REPLACE FUNCTION production_totals_after_insert() RETURNS trigger AS $$
BEGIN
  INSERT INTO production_monthly_totals (line_item_id, year, month, volume)
  SELECT line_item_id, extract(year from date)::int, extract(month from date)::int, sum(volume)
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (line_item_id, year, month) DO UPDATE SET volume = production_monthly_totals.volume + excluded.volume;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION production_totals_after_delete() RETURNS trigger AS $$
BEGIN
  INSERT INTO production_monthly_totals (line_item_id, year, month, volume)
  SELECT line_item_id, extract(year from date)::int, extract(month from date)::int, -sum(volume)
    FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (line_item_id, year, month) DO UPDATE SET volume = production_monthly_totals.volume + excluded.volume;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION production_totals_after_update() RETURNS trigger AS $$
BEGIN
  INSERT INTO production_monthly_totals (line_item_id, year, month, volume)
  SELECT line_item_id, y, m, sum(v) FROM (
    SELECT line_item_id, extract(year from date)::int AS y, extract(month from date)::int AS m, volume AS v FROM new_rows
    UNION ALL
    SELECT line_item_id, extract(year from date)::int, extract(month from date)::int, -volume FROM old_rows
  ) d GROUP BY 1, 2, 3 HAVING sum(v) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (line_item_id, year, month) DO UPDATE SET volume = production_monthly_totals.volume + excluded.volume;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER production_totals_insert AFTER INSERT ON production_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION production_totals_after_insert();
--> statement-breakpoint
CREATE TRIGGER production_totals_delete AFTER DELETE ON production_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION production_totals_after_delete();
--> statement-breakpoint
-- (PostgreSQL forbids column lists with transition tables: excess-only updates net to zero and are skipped.)
CREATE TRIGGER production_totals_update AFTER UPDATE ON production_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION production_totals_after_update();
--> statement-breakpoint
INSERT INTO production_monthly_totals (line_item_id, year, month, volume)
SELECT line_item_id, extract(year from date)::int, extract(month from date)::int, sum(volume)
  FROM production_entries GROUP BY 1, 2, 3;
