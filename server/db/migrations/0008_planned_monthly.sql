CREATE TABLE "planned_monthly" (
	"line_item_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"days" text NOT NULL,
	CONSTRAINT "planned_monthly_line_item_id_year_month_pk" PRIMARY KEY("line_item_id","year","month")
);
--> statement-breakpoint
ALTER TABLE "planned_monthly" ADD CONSTRAINT "planned_monthly_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- planned_monthly follows planned_volumes on every write path: after each statement, the
-- (line item, month) keys it touched are rebuilt from planned_volumes (or dropped when empty).
CREATE OR REPLACE FUNCTION planned_monthly_rebuild(li int[], ys int[], ms int[]) RETURNS void AS $$
BEGIN
  WITH k AS (SELECT * FROM unnest(li, ys, ms) AS k(line_item_id, y, m)),
  agg AS (
    SELECT k.line_item_id, k.y, k.m,
           string_agg(extract(day from p.date)::int || ':' || trim_scale(p.volume)::text, ',' ORDER BY p.date) AS days
    FROM k JOIN planned_volumes p ON p.line_item_id = k.line_item_id
     AND p.date >= make_date(k.y, k.m, 1) AND p.date < (make_date(k.y, k.m, 1) + interval '1 month')::date
    GROUP BY 1, 2, 3
  ),
  gone AS (
    DELETE FROM planned_monthly pm USING k
    WHERE pm.line_item_id = k.line_item_id AND pm.year = k.y AND pm.month = k.m
      AND NOT EXISTS (SELECT 1 FROM agg WHERE agg.line_item_id = k.line_item_id AND agg.y = k.y AND agg.m = k.m)
  )
  INSERT INTO planned_monthly (line_item_id, year, month, days)
  SELECT line_item_id, y, m, days FROM agg ORDER BY 1, 2, 3
  ON CONFLICT (line_item_id, year, month) DO UPDATE SET days = excluded.days;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The (line item, year, month) keys a statement touched, as three arrays (one row per key).
CREATE OR REPLACE FUNCTION planned_monthly_after_insert() RETURNS trigger AS $$
BEGIN
  PERFORM planned_monthly_rebuild(array_agg(li), array_agg(y), array_agg(m))
  FROM (SELECT DISTINCT line_item_id AS li, extract(year from date)::int AS y, extract(month from date)::int AS m FROM new_rows) k;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION planned_monthly_after_delete() RETURNS trigger AS $$
BEGIN
  PERFORM planned_monthly_rebuild(array_agg(li), array_agg(y), array_agg(m))
  FROM (SELECT DISTINCT line_item_id AS li, extract(year from date)::int AS y, extract(month from date)::int AS m FROM old_rows) k;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION planned_monthly_after_update() RETURNS trigger AS $$
BEGIN
  PERFORM planned_monthly_rebuild(array_agg(li), array_agg(y), array_agg(m))
  FROM (SELECT DISTINCT line_item_id AS li, extract(year from date)::int AS y, extract(month from date)::int AS m
        FROM (SELECT line_item_id, date FROM new_rows UNION ALL SELECT line_item_id, date FROM old_rows) c) k;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER planned_monthly_insert AFTER INSERT ON planned_volumes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION planned_monthly_after_insert();
--> statement-breakpoint
CREATE TRIGGER planned_monthly_delete AFTER DELETE ON planned_volumes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION planned_monthly_after_delete();
--> statement-breakpoint
CREATE TRIGGER planned_monthly_update AFTER UPDATE ON planned_volumes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION planned_monthly_after_update();
--> statement-breakpoint
INSERT INTO planned_monthly (line_item_id, year, month, days)
SELECT line_item_id, extract(year from date)::int, extract(month from date)::int,
       string_agg(extract(day from date)::int || ':' || trim_scale(volume)::text, ',' ORDER BY date)
FROM planned_volumes GROUP BY 1, 2, 3;
--> statement-breakpoint
ANALYZE planned_monthly;
