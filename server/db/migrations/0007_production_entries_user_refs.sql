ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "production_entries" DROP CONSTRAINT "production_entries_updated_by_users_id_fk";
--> statement-breakpoint
-- Users are deactivated, never deleted (their ids are referenced from production entries without a
-- foreign key, from audit entries and sign-offs): refuse DELETE on every path, hand-written SQL included.
CREATE OR REPLACE FUNCTION users_refuse_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'users are never deleted: deactivate the account instead (user %)', OLD.id
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_no_delete BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_refuse_delete();
