-- Issue photos, escalation of overdue issues, and patrols and issues as read-only OGC collections.

-- Two kinds of collection. An 'asset' table has the registry's common core (code, name, status,
-- department, version) and is edited, searched, counted and tiled. A 'record' table (a patrol, an
-- issue) was written by the river chief system with a UUID made by the phone: served read-only
-- through OGC API - Features, to the readers of the river chief system only.
ALTER TABLE collection ADD COLUMN kind text NOT NULL DEFAULT 'asset' CHECK (kind IN ('asset', 'record'));
ALTER TABLE collection ADD CHECK (kind = 'asset' OR NOT public_read);

INSERT INTO collection (id, title_zh, title_en, description_zh, description_en, theme, geometry_type, temporal_start,
                        temporal_end, sort_order, kind) VALUES
    ('patrol',       '巡河记录', 'River patrols', '河长巡河轨迹及覆盖河段', 'River chiefs'' patrol tracks', 'water', 'LineString',
     'started_at', 'ended_at', 120, 'record'),
    ('patrol_issue', '河湖问题', 'River issues',  '巡河发现的四乱及污染问题', 'Four-disorders and pollution issues found on patrol',
     'water', 'Point', 'reported_at', NULL, 130, 'record');

-- Photos of an issue: 'before' as found, 'after' as rectified. The file lies in the photo directory
-- under the photo's id; the row keeps what was read from it (size, EXIF time and position).
CREATE TABLE issue_photo (
    id           uuid PRIMARY KEY,
    issue_id     uuid NOT NULL REFERENCES patrol_issue (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('before', 'after')),
    content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
    bytes        integer NOT NULL CHECK (bytes > 0),
    width        integer NOT NULL CHECK (width > 0),
    height       integer NOT NULL CHECK (height > 0),
    taken_at     timestamptz,
    exif_lon     double precision CHECK (exif_lon BETWEEN -180 AND 180),
    exif_lat     double precision CHECK (exif_lat BETWEEN -90 AND 90),
    uploaded_at  timestamptz NOT NULL DEFAULT now(),
    uploaded_by  text NOT NULL,
    CHECK ((exif_lon IS NULL) = (exif_lat IS NULL))
);
CREATE INDEX issue_photo_issue_idx ON issue_photo (issue_id, uploaded_at);

-- Escalation (督办升级). The level in charge of an issue is the lowest level of the chiefs of its
-- segment (village below town below county). Once its deadline has passed (county days) and it is
-- neither rectified nor closed, it goes one level up on the first day overdue and one more level
-- after every further 7 days: overdue 1-7 days → one level above, 8-14 days → two levels above,
-- never above county. The chiefs of the new level are those of that level in charge of the segment;
-- failing them the town chiefs of the segment's town, or the county chiefs of its river, or all county
-- chiefs. Each (issue, level, chief) is recorded once, so the hourly job can run any number of times.
ALTER TABLE patrol_issue ADD COLUMN escalated_level text CHECK (escalated_level IN ('town', 'county'));

ALTER TABLE issue_event
    ADD COLUMN kind     text NOT NULL DEFAULT 'transition' CHECK (kind IN ('transition', 'escalated')),
    ADD COLUMN level    text CHECK (level IN ('village', 'town', 'county')),
    ADD COLUMN chief_id bigint REFERENCES river_chief (id) ON DELETE SET NULL,
    ADD CHECK (kind = 'transition' OR level IS NOT NULL);
CREATE UNIQUE INDEX issue_event_escalated_once ON issue_event (issue_id, level, chief_id) WHERE kind = 'escalated';

CREATE INDEX patrol_issue_reported_idx ON patrol_issue (reported_at);
