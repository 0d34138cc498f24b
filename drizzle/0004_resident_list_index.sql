DROP INDEX "resident_ward_id_search_name_index";--> statement-breakpoint
CREATE INDEX "resident_list_order_idx" ON "resident" USING btree ("ward_id","status","search_name","id");