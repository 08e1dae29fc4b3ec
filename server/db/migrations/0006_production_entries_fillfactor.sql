-- Leave 10 % free space per page so re-saving a month (every volume changed, excess rewritten)
-- updates rows in place (HOT): none of the changed columns is indexed, so the three indexes of
-- the table are not touched again for every row.
ALTER TABLE production_entries SET (fillfactor = 90);
