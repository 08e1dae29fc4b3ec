-- As production_entries in 0007: no foreign key from gpu_records.updated_by to users (a first
-- full-month save inserts ~20,000 GPU records and the key's trigger fired for each, null or not).
-- Users are never deleted (0007's trigger), so the ids cannot dangle. ADR 009, decision 2.
ALTER TABLE "gpu_records" DROP CONSTRAINT "gpu_records_updated_by_users_id_fk";
