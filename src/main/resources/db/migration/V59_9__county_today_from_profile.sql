-- county_today() (V40) as it was, but in the time zone of the county profile (county_time_zone(), V55)
-- rather than one written into the function, so every "overdue" follows the profile.
CREATE OR REPLACE FUNCTION county_today() RETURNS date
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT (now() AT TIME ZONE county_time_zone())::date $$;
