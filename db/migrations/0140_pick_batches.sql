-- A pick list line of a batch-tracked product names the batch to take
-- (first expiring, first out when the list is made); confirming the list
-- ships that batch from that bin.
ALTER TABLE pick_list_lines ADD COLUMN batch_id bigint REFERENCES batches(id);
