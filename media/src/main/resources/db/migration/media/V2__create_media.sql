-- A photo an account uploaded (docs/media.md, ADR 0026). Its bytes are in the media store
-- (<data dir>/media or an S3 bucket), one object per width; these rows are the truth about
-- which exist: only a recorded width is served. owner_id is the uploading account
-- (gateway.users, by id: no foreign key across schemas); only the owner may attach it.
CREATE TABLE media (
    id            uuid        PRIMARY KEY,
    owner_id      uuid        NOT NULL,
    -- What the upload was, by its bytes; every stored width is a JPEG.
    source_format text        NOT NULL CHECK (source_format IN ('JPEG', 'PNG', 'WEBP')),
    -- The upright size (EXIF orientation applied).
    width         integer     NOT NULL CHECK (width > 0),
    height        integer     NOT NULL CHECK (height > 0),
    -- The stored widths' bytes together, for storage accounting.
    source_bytes  integer     NOT NULL CHECK (source_bytes >= 0),
    created_at    timestamptz NOT NULL
);
CREATE INDEX media_by_owner ON media (owner_id, id);

-- One stored width of a photo: the width of its URL (320, 720, 1280), the pixels it has
-- (fewer when the photo is narrower: never upscaled), and the SHA-256 of its bytes, the ETag.
CREATE TABLE renditions (
    media_id     uuid    NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    width        integer NOT NULL CHECK (width IN (320, 720, 1280)),
    pixel_width  integer NOT NULL CHECK (pixel_width BETWEEN 1 AND width),
    pixel_height integer NOT NULL CHECK (pixel_height > 0),
    byte_size    integer NOT NULL CHECK (byte_size > 0),
    sha256       text    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (media_id, width)
);
