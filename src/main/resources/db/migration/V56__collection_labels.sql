-- Words for a collection's fields and coded values that a migration (or an administrator) adds along with the
-- collection, so that a new asset type needs no change to labels/labels.json, Java or JavaScript. They join
-- the words of labels.json: a row here names a field or a value the file does not, or renames one it does.

CREATE TABLE field_label (
    collection  text NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    field       text NOT NULL CHECK (field ~ '^[a-z][a-z0-9_]*$'),
    title_zh    text NOT NULL CHECK (length(title_zh) BETWEEN 1 AND 100),
    title_en    text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 100),
    unit_zh     text CHECK (length(unit_zh) BETWEEN 1 AND 20),
    unit_en     text CHECK (length(unit_en) BETWEEN 1 AND 20),
    -- The coded values the field takes, by the name of their list in enum_label (or in labels.json).
    enumeration text CHECK (enumeration ~ '^[a-z][a-z0-9_]*$'),
    PRIMARY KEY (collection, field),
    CHECK ((unit_zh IS NULL) = (unit_en IS NULL))
);

CREATE TABLE enum_label (
    enumeration text NOT NULL CHECK (enumeration ~ '^[a-z][a-z0-9_]*$'),
    code        text NOT NULL CHECK (length(code) BETWEEN 1 AND 100),
    label_zh    text NOT NULL CHECK (length(label_zh) BETWEEN 1 AND 100),
    label_en    text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
    position    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (enumeration, code)
);
