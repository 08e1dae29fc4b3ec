CREATE TYPE "public"."cap_rule" AS ENUM('replacement', 'additional');--> statement-breakpoint
CREATE TYPE "public"."catalogue_item_kind" AS ENUM('ordinary', 'extraordinary');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('preview', 'committed', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."line_item_origin" AS ENUM('annex', 'adhoc');--> statement-breakpoint
CREATE TYPE "public"."gpu_status" AS ENUM('pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado');--> statement-breakpoint
CREATE TYPE "public"."layer" AS ENUM('TE', 'CMA');--> statement-breakpoint
CREATE TYPE "public"."monthly_status" AS ENUM('abierto', 'en_revision', 'cerrado', 'facturado');--> statement-breakpoint
CREATE TYPE "public"."operational_status" AS ENUM('productivo', 'en_espera', 'suspendido', 'sin_actividad');--> statement-breakpoint
CREATE TYPE "public"."sign_off_kind" AS ENUM('supervisor_reviewed', 'operations_validated', 'administration_confirmed');--> statement-breakpoint
CREATE TYPE "public"."signature_status" AS ENUM('pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado');--> statement-breakpoint
CREATE SEQUENCE "public"."production_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "annex_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"work_order_id" integer NOT NULL,
	"number" integer NOT NULL,
	"import_job_id" integer,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"cap_rule" "cap_rule" NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"sub_annex_id" integer NOT NULL,
	"code" text NOT NULL,
	"extra_code" text,
	"concept" text NOT NULL,
	"concept_norm" text NOT NULL,
	"unit_id" integer NOT NULL,
	"reference_qty" numeric(20, 6) DEFAULT '0' NOT NULL,
	"pu_mxn" numeric(18, 4) DEFAULT '0' NOT NULL,
	"pu_usd" numeric(18, 4) DEFAULT '0' NOT NULL,
	"kind" "catalogue_item_kind" DEFAULT 'ordinary' NOT NULL,
	"pue_status" text,
	"sanction_date" date,
	"origin_pte" text,
	"origin_ot" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"client_id" integer,
	"start_date" date,
	"end_date" date,
	"amount_mxn" numeric(20, 2) DEFAULT '0' NOT NULL,
	"amount_usd" numeric(20, 2) DEFAULT '0' NOT NULL,
	"default_exchange_rate" numeric(12, 4),
	"advance_amortization_pct" numeric(7, 4) DEFAULT '0' NOT NULL,
	"guarantee_fund_pct" numeric(7, 4) DEFAULT '0' NOT NULL,
	"five_per_thousand" boolean DEFAULT true NOT NULL,
	"vat_pct" numeric(7, 4) DEFAULT '16' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"target" text NOT NULL,
	"contract_id" integer,
	"work_order_id" integer,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"file" "bytea" NOT NULL,
	"status" "import_status" DEFAULT 'preview' NOT NULL,
	"preview" jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" integer,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "line_item_versions" (
	"annex_version_id" integer NOT NULL,
	"line_item_id" integer NOT NULL,
	"stated_volume" numeric(20, 6) NOT NULL,
	"cap_after" numeric(20, 6) NOT NULL,
	"pu_mxn" numeric(18, 4) NOT NULL,
	"pu_usd" numeric(18, 4) NOT NULL,
	"file_pu_mxn" numeric(18, 4),
	"file_pu_usd" numeric(18, 4),
	"sheet" text,
	"row_number" integer,
	CONSTRAINT "line_item_versions_annex_version_id_line_item_id_pk" PRIMARY KEY("annex_version_id","line_item_id")
);
--> statement-breakpoint
CREATE TABLE "line_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"family_id" integer NOT NULL,
	"sub_annex" text NOT NULL,
	"code" text NOT NULL,
	"concept" text NOT NULL,
	"concept_norm" text NOT NULL,
	"unit_id" integer NOT NULL,
	"catalogue_item_id" integer,
	"authorized_volume" numeric(20, 6) DEFAULT '0' NOT NULL,
	"pu_mxn" numeric(18, 4) DEFAULT '0' NOT NULL,
	"pu_usd" numeric(18, 4) DEFAULT '0' NOT NULL,
	"origin" "line_item_origin" DEFAULT 'annex' NOT NULL,
	"current_version_id" integer,
	"sort_key" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planned_volumes" (
	"line_item_id" integer NOT NULL,
	"date" date NOT NULL,
	"volume" numeric(20, 6) NOT NULL,
	"annex_version_id" integer,
	CONSTRAINT "planned_volumes_line_item_id_date_pk" PRIMARY KEY("line_item_id","date")
);
--> statement-breakpoint
CREATE TABLE "sub_annexes" (
	"id" serial PRIMARY KEY NOT NULL,
	"contract_id" integer NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"monthly_report_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"date" date NOT NULL,
	"operational_status" "operational_status" NOT NULL,
	"signature_status" "signature_status" DEFAULT 'pendiente' NOT NULL,
	"note" varchar(255),
	"incident" boolean DEFAULT false NOT NULL,
	"incident_url" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gpu_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"production_entry_id" bigint NOT NULL,
	"status" "gpu_status" DEFAULT 'pendiente' NOT NULL,
	"evidence_url" text,
	"note" text,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gpu_records_production_entry_id_unique" UNIQUE("production_entry_id")
);
--> statement-breakpoint
CREATE TABLE "monthly_report_sign_offs" (
	"id" serial PRIMARY KEY NOT NULL,
	"monthly_report_id" integer NOT NULL,
	"version" integer NOT NULL,
	"kind" "sign_off_kind" NOT NULL,
	"user_id" integer NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_report_transitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"monthly_report_id" integer NOT NULL,
	"from_status" "monthly_status" NOT NULL,
	"to_status" "monthly_status" NOT NULL,
	"action" text NOT NULL,
	"user_id" integer,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_report_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"monthly_report_id" integer NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"checklist" jsonb NOT NULL,
	"pack_pdf" "bytea",
	"pack_xlsx" "bytea",
	"pdf_sha256" text,
	"xlsx_sha256" text,
	"closed_by" integer,
	"closed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reopened_by" integer,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"work_order_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"evidence_url" text,
	"status" "monthly_status" DEFAULT 'abierto' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"evidence_check" jsonb,
	"closed_by" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_reports_month_range" CHECK ("monthly_reports"."month" between 1 and 12),
	CONSTRAINT "monthly_reports_year_range" CHECK ("monthly_reports"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "production_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"line_item_id" integer NOT NULL,
	"monthly_report_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"date" date NOT NULL,
	"layer" "layer" NOT NULL,
	"volume" numeric(20, 6) NOT NULL,
	"excess_volume" numeric(20, 6) DEFAULT '0' NOT NULL,
	"excess_ack_by" integer,
	"excess_ack_at" timestamp with time zone,
	"excess_ack_reason" text,
	"revision" bigint DEFAULT nextval('production_revision_seq') NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_entries_volume_positive" CHECK ("production_entries"."volume" > 0),
	CONSTRAINT "production_entries_excess_range" CHECK ("production_entries"."excess_volume" >= 0 and "production_entries"."excess_volume" <= "production_entries"."volume")
);
--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_family_id_work_orders_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_import_job_id_import_jobs_id_fk" FOREIGN KEY ("import_job_id") REFERENCES "public"."import_jobs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annex_versions" ADD CONSTRAINT "annex_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_sub_annex_id_sub_annexes_id_fk" FOREIGN KEY ("sub_annex_id") REFERENCES "public"."sub_annexes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_committed_by_users_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_versions" ADD CONSTRAINT "line_item_versions_annex_version_id_annex_versions_id_fk" FOREIGN KEY ("annex_version_id") REFERENCES "public"."annex_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_item_versions" ADD CONSTRAINT "line_item_versions_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_family_id_work_orders_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_catalogue_item_id_catalogue_items_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."catalogue_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_items" ADD CONSTRAINT "line_items_current_version_id_annex_versions_id_fk" FOREIGN KEY ("current_version_id") REFERENCES "public"."annex_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_volumes" ADD CONSTRAINT "planned_volumes_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_volumes" ADD CONSTRAINT "planned_volumes_annex_version_id_annex_versions_id_fk" FOREIGN KEY ("annex_version_id") REFERENCES "public"."annex_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sub_annexes" ADD CONSTRAINT "sub_annexes_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reports" ADD CONSTRAINT "daily_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gpu_records" ADD CONSTRAINT "gpu_records_production_entry_id_production_entries_id_fk" FOREIGN KEY ("production_entry_id") REFERENCES "public"."production_entries"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gpu_records" ADD CONSTRAINT "gpu_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_sign_offs" ADD CONSTRAINT "monthly_report_sign_offs_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_sign_offs" ADD CONSTRAINT "monthly_report_sign_offs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_transitions" ADD CONSTRAINT "monthly_report_transitions_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_transitions" ADD CONSTRAINT "monthly_report_transitions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_versions" ADD CONSTRAINT "monthly_report_versions_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_versions" ADD CONSTRAINT "monthly_report_versions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_versions" ADD CONSTRAINT "monthly_report_versions_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_line_item_id_line_items_id_fk" FOREIGN KEY ("line_item_id") REFERENCES "public"."line_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_monthly_report_id_monthly_reports_id_fk" FOREIGN KEY ("monthly_report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_excess_ack_by_users_id_fk" FOREIGN KEY ("excess_ack_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_entries" ADD CONSTRAINT "production_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annex_versions_family_number_key" ON "annex_versions" USING btree ("family_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_items_identity_key" ON "catalogue_items" USING btree ("contract_id","sub_annex_id","code","concept_norm","unit_id");--> statement-breakpoint
CREATE INDEX "catalogue_items_code_idx" ON "catalogue_items" USING btree ("contract_id","code");--> statement-breakpoint
CREATE INDEX "import_jobs_work_order_idx" ON "import_jobs" USING btree ("work_order_id");--> statement-breakpoint
CREATE INDEX "line_item_versions_item_idx" ON "line_item_versions" USING btree ("line_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "line_items_identity_key" ON "line_items" USING btree ("family_id","sub_annex","code","concept_norm","unit_id");--> statement-breakpoint
CREATE INDEX "line_items_family_sort_idx" ON "line_items" USING btree ("family_id","sort_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sub_annexes_contract_label_key" ON "sub_annexes" USING btree ("contract_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_reports_report_site_date_key" ON "daily_reports" USING btree ("monthly_report_id","site_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_report_sign_offs_kind_key" ON "monthly_report_sign_offs" USING btree ("monthly_report_id","version","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_report_sign_offs_user_key" ON "monthly_report_sign_offs" USING btree ("monthly_report_id","version","user_id");--> statement-breakpoint
CREATE INDEX "monthly_report_transitions_report_idx" ON "monthly_report_transitions" USING btree ("monthly_report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_report_versions_key" ON "monthly_report_versions" USING btree ("monthly_report_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_ot_year_month_key" ON "monthly_reports" USING btree ("work_order_id","year","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_period_idx" ON "monthly_reports" USING btree ("year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "production_entries_cell_key" ON "production_entries" USING btree ("line_item_id","date","site_id","layer");--> statement-breakpoint
CREATE INDEX "production_entries_report_idx" ON "production_entries" USING btree ("monthly_report_id","site_id","layer");