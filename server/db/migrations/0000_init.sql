CREATE TYPE "public"."role" AS ENUM('admin', 'gerente_operaciones', 'supervisor', 'administracion', 'consulta');--> statement-breakpoint
CREATE TYPE "public"."site_kind" AS ENUM('yard', 'vessel', 'platform', 'interconnection');--> statement-breakpoint
CREATE TYPE "public"."site_role" AS ENUM('main', 'yard', 'platform', 'interconnection');--> statement-breakpoint
CREATE TYPE "public"."work_order_kind" AS ENUM('initial', 'reprogramming');--> statement-breakpoint
CREATE TYPE "public"."work_order_status" AS ENUM('asignada', 'en_ejecucion', 'suspendida', 'diferida', 'diferida_sin_iniciar', 'terminada', 'cancelada', 'por_cancelar');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"via" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"work_order_id" integer,
	"reason" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tax_id" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fronts" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fronts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "site_kind" NOT NULL,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "user_sites" (
	"user_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	CONSTRAINT "user_sites_user_id_site_id_pk" PRIMARY KEY("user_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "user_work_orders" (
	"user_id" integer NOT NULL,
	"work_order_id" integer NOT NULL,
	CONSTRAINT "user_work_orders_user_id_work_order_id_pk" PRIMARY KEY("user_id","work_order_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" text DEFAULT 'es-MX' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_sites" (
	"work_order_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"role" "site_role" DEFAULT 'main' NOT NULL,
	CONSTRAINT "work_order_sites_work_order_id_site_id_pk" PRIMARY KEY("work_order_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"folio" text NOT NULL,
	"description" text NOT NULL,
	"kind" "work_order_kind" NOT NULL,
	"parent_id" integer,
	"reprogramming_number" integer DEFAULT 0 NOT NULL,
	"client_id" integer NOT NULL,
	"leader_id" integer,
	"client_responsible" text,
	"official_letter" text,
	"status" "work_order_status" DEFAULT 'asignada' NOT NULL,
	"front_id" integer,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"requires_yard" boolean DEFAULT false NOT NULL,
	"yard_start" date,
	"yard_end" date,
	"amount_mxn" numeric(20, 2) DEFAULT '0' NOT NULL,
	"amount_usd" numeric(20, 2) DEFAULT '0' NOT NULL,
	"term_days" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_family_shape" CHECK (("work_orders"."kind" = 'initial' and "work_orders"."parent_id" is null and "work_orders"."reprogramming_number" = 0) or ("work_orders"."kind" = 'reprogramming' and "work_orders"."parent_id" is not null and "work_orders"."reprogramming_number" > 0)),
	CONSTRAINT "work_orders_planned_order" CHECK ("work_orders"."planned_end" is null or "work_orders"."planned_start" is null or "work_orders"."planned_end" >= "work_orders"."planned_start"),
	CONSTRAINT "work_orders_actual_order" CHECK ("work_orders"."actual_end" is null or "work_orders"."actual_start" is null or "work_orders"."actual_end" >= "work_orders"."actual_start"),
	CONSTRAINT "work_orders_yard_order" CHECK ("work_orders"."yard_end" is null or "work_orders"."yard_start" is null or "work_orders"."yard_end" >= "work_orders"."yard_start")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sites" ADD CONSTRAINT "user_sites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sites" ADD CONSTRAINT "user_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_work_orders" ADD CONSTRAINT "user_work_orders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_work_orders" ADD CONSTRAINT "user_work_orders_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_sites" ADD CONSTRAINT "work_order_sites_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_sites" ADD CONSTRAINT "work_order_sites_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_parent_id_work_orders_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."work_orders"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_front_id_fronts_id_fk" FOREIGN KEY ("front_id") REFERENCES "public"."fronts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_work_order_idx" ON "audit_log" USING btree ("work_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_name_key" ON "clients" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_key" ON "sites" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "work_order_sites_site_idx" ON "work_order_sites" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_folio_reprogramming_key" ON "work_orders" USING btree ("folio","reprogramming_number");--> statement-breakpoint
CREATE INDEX "work_orders_parent_idx" ON "work_orders" USING btree ("parent_id");