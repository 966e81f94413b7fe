-- The media module's schema: uploaded photos and the widths each is served in.
COMMENT ON SCHEMA media IS 'Media: uploaded photos, re-encoded without metadata, in three widths';
