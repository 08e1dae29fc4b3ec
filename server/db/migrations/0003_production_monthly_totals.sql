CREATE TABLE "production_monthly_totals" (
	"line_item_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"volume" numeric(24, 6) DEFAULT '0' NOT NULL,
	CONSTRAINT "production_monthly_totals_line_item_id_year_month_pk" PRIMARY KEY("line_item_id","year","month")
);
--> statement-breakpoint
ALTER TABLE "production_monthly_totals" ADD CONSTRAINT "production_monthly_totals_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE restrict ON UPDATE no action;