-- A column an import adds to a new layer is commented with the file's own field name (Chinese, as
-- the surveyor wrote it). COMMENT takes no bound parameters, so the name is passed to this function
-- as a value and quoted by format(%L), never spliced into SQL text by the application.
CREATE FUNCTION import_comment_column(table_name regclass, column_name text, comment text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', table_name, column_name, comment);
END
$$;
