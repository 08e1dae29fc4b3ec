-- production_entries' references to line_items, monthly_reports and sites, checked once per
-- statement instead of once per row (ADR 009, decision 19). A first full-month save inserts
-- ~28,000 entries; the three foreign keys' row triggers were ~60 % of that insert. The rules stay
-- those of the keys (ON DELETE RESTRICT): no entry without its parents, no parent deleted while
-- entries reference it. excess_ack_by joins created_by/updated_by (migration 0007): users are
-- never deleted, so it needs no check.
ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_line_item_id_line_items_id_fk";
--> statement-breakpoint
ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_monthly_report_id_monthly_reports_id_fk";
--> statement-breakpoint
ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_site_id_sites_id_fk";
--> statement-breakpoint
ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_excess_ack_by_users_id_fk";
--> statement-breakpoint
-- The child side, after every INSERT statement: lock the referenced rows FOR KEY SHARE
-- until commit, as a foreign key does (a concurrent delete of a parent waits for us, then sees our
-- rows), then refuse the statement if any referenced row is missing. Each query runs with a fresh
-- snapshot (READ COMMITTED, the app's isolation), so a parent deleted while we waited is seen.
CREATE OR REPLACE FUNCTION production_entries_check_refs() RETURNS trigger AS $$
DECLARE
  missing bigint;
BEGIN
  PERFORM 1 FROM line_items WHERE id IN (SELECT DISTINCT line_item_id FROM new_rows) ORDER BY id FOR KEY SHARE;
  SELECT n.id INTO missing FROM (SELECT DISTINCT line_item_id AS id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM line_items p WHERE p.id = n.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'production_entries: line item % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_line_item_ref', TABLE = 'production_entries';
  END IF;
  PERFORM 1 FROM monthly_reports WHERE id IN (SELECT DISTINCT monthly_report_id FROM new_rows) ORDER BY id FOR KEY SHARE;
  SELECT n.id INTO missing FROM (SELECT DISTINCT monthly_report_id AS id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM monthly_reports p WHERE p.id = n.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'production_entries: monthly report % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_monthly_report_ref', TABLE = 'production_entries';
  END IF;
  PERFORM 1 FROM sites WHERE id IN (SELECT DISTINCT site_id FROM new_rows) ORDER BY id FOR KEY SHARE;
  SELECT n.id INTO missing FROM (SELECT DISTINCT site_id AS id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM sites p WHERE p.id = n.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'production_entries: site % does not exist', missing
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_site_ref', TABLE = 'production_entries';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER production_entries_refs_insert AFTER INSERT ON production_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION production_entries_check_refs();
--> statement-breakpoint
-- An update that moves an entry to another line item, report or site (the app never does) is
-- checked row by row; the app's updates (volumes, excess) do not fire it.
CREATE OR REPLACE FUNCTION production_entries_check_moved_refs() RETURNS trigger AS $$
BEGIN
  PERFORM 1 FROM line_items WHERE id = NEW.line_item_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'production_entries: line item % does not exist', NEW.line_item_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_line_item_ref', TABLE = 'production_entries';
  END IF;
  PERFORM 1 FROM monthly_reports WHERE id = NEW.monthly_report_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'production_entries: monthly report % does not exist', NEW.monthly_report_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_monthly_report_ref', TABLE = 'production_entries';
  END IF;
  PERFORM 1 FROM sites WHERE id = NEW.site_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'production_entries: site % does not exist', NEW.site_id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_site_ref', TABLE = 'production_entries';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER production_entries_refs_update AFTER UPDATE OF line_item_id, monthly_report_id, site_id ON production_entries
  FOR EACH ROW WHEN (OLD.line_item_id IS DISTINCT FROM NEW.line_item_id OR OLD.monthly_report_id IS DISTINCT FROM NEW.monthly_report_id
                     OR OLD.site_id IS DISTINCT FROM NEW.site_id)
  EXECUTE FUNCTION production_entries_check_moved_refs();
--> statement-breakpoint
-- The parent side (ON DELETE RESTRICT): the row is locked before a BEFORE DELETE trigger runs, so
-- an insert still holding it FOR KEY SHARE commits first and its entries are seen here.
CREATE OR REPLACE FUNCTION production_entries_parent_guard() RETURNS trigger AS $$
BEGIN
  IF (TG_TABLE_NAME = 'line_items' AND EXISTS (SELECT 1 FROM production_entries WHERE line_item_id = OLD.id))
     OR (TG_TABLE_NAME = 'monthly_reports' AND EXISTS (SELECT 1 FROM production_entries WHERE monthly_report_id = OLD.id))
     OR (TG_TABLE_NAME = 'sites' AND EXISTS (SELECT 1 FROM production_entries WHERE site_id = OLD.id)) THEN
    RAISE EXCEPTION '%: row % is still referenced by production entries', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'production_entries_' || TG_TABLE_NAME || '_ref', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER production_entries_guard BEFORE DELETE ON line_items FOR EACH ROW EXECUTE FUNCTION production_entries_parent_guard();
--> statement-breakpoint
CREATE TRIGGER production_entries_guard BEFORE DELETE ON monthly_reports FOR EACH ROW EXECUTE FUNCTION production_entries_parent_guard();
--> statement-breakpoint
CREATE TRIGGER production_entries_guard BEFORE DELETE ON sites FOR EACH ROW EXECUTE FUNCTION production_entries_parent_guard();
