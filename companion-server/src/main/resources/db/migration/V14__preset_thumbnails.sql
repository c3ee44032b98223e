-- Preset previews (issue 15): the picture shown on a preset's tile is a file in Storage. The key names the file, the
-- SHA-256 of its bytes is the ETag clients cache it by, and the source says whether the local renderer made it from a
-- sample photo or an admin uploaded it (an upload is never replaced by a render). Not in the version trigger's
-- column list: a new preview changes no generation's look.
ALTER TABLE presets ADD COLUMN thumbnail_key VARCHAR(300);
ALTER TABLE presets ADD COLUMN thumbnail_sha256 CHAR(64);
ALTER TABLE presets ADD COLUMN thumbnail_source VARCHAR(16);
ALTER TABLE presets ADD CONSTRAINT presets_thumbnail_source_check
  CHECK (thumbnail_source IS NULL OR thumbnail_source IN ('RENDERED', 'UPLOADED'));
