-- A disposal-rate baseline says which moment's stock it holds (the first moment of 1 January, county
-- time) and who froze it: 'system' for the yearly job, an administrator's name for a year before Hetu.
ALTER TABLE disposal_baseline_year
    ADD COLUMN as_of     timestamptz,
    ADD COLUMN frozen_by text NOT NULL DEFAULT 'system';

-- Baselines written more than an hour into their year were frozen as a side effect of someone reading
-- the rate, from the parcels as they were on that day rather than on 1 January. They go; the job
-- freezes the years Hetu held data for again from the audit trail, and an administrator the earlier ones.
DELETE FROM disposal_baseline b USING disposal_baseline_year y
WHERE b.year = y.year AND y.frozen_at > make_date(y.year, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '1 hour';
DELETE FROM disposal_baseline_year
WHERE frozen_at > make_date(year, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '1 hour';

UPDATE disposal_baseline_year SET as_of = make_date(year, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai';
ALTER TABLE disposal_baseline_year ALTER COLUMN as_of SET NOT NULL;
