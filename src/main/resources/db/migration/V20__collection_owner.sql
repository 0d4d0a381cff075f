-- A layer belongs to a department: only that department's editors (and administrators, and planners where
-- planners_edit) change its features, whatever department a feature names. NULL: each feature belongs to
-- the department it names (key projects, layers made by an import). The owner of the river chief system's
-- records is the office that runs it. Read by security/LayerAccess through the catalogue.
ALTER TABLE collection
    ADD COLUMN owner_department text REFERENCES department (code),
    ADD COLUMN planners_edit boolean NOT NULL DEFAULT false;

UPDATE collection SET owner_department = 'water'
WHERE id IN ('river_segment', 'ditch', 'sluice', 'bridge', 'dike', 'water_plant', 'pipeline', 'warning_station',
             'patrol', 'patrol_issue');
UPDATE collection SET owner_department = 'natres', planners_edit = true WHERE id = 'land_parcel';
UPDATE collection SET owner_department = 'donglinxi' WHERE id = 'road_node';
