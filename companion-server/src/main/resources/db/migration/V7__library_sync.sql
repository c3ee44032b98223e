-- The synced library (issue 13): favourites, tags, collections and tombstones, and the change feed's positions.
--
-- Every row the feed serves (generations, collections, tombstones) carries version (from one sequence, so a later
-- change of a row always has a higher version) and change_xid, the id of the transaction that last changed it. The
-- feed orders by (change_xid, version) and serves only rows whose transaction is older than its snapshot's xmin, so a
-- transaction that commits late can never land behind a cursor already handed out (see LibraryFeed). Triggers set
-- both columns, so every writer of a generation (the job runner, refunds, edits) is caught.

CREATE SEQUENCE library_version_seq;

ALTER TABLE generations ADD COLUMN favorite BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE generations ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE generations ADD COLUMN change_xid BIGINT NOT NULL DEFAULT 0;
CREATE INDEX generations_user_change_idx ON generations (user_id, change_xid, version);

-- tag_key is the tag in lower case: one spelling per key and generation (the first one added stays).
CREATE TABLE generation_tags (
  generation_id  UUID         NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
  tag_key        VARCHAR(200) NOT NULL,
  tag            VARCHAR(200) NOT NULL,
  PRIMARY KEY (generation_id, tag_key)
);

CREATE TABLE collections (
  id          UUID         NOT NULL PRIMARY KEY,
  user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        VARCHAR(100) NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 0,
  change_xid  BIGINT       NOT NULL DEFAULT 0,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX collections_user_change_idx ON collections (user_id, change_xid, version);

CREATE TABLE collection_items (
  collection_id  UUID NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
  generation_id  UUID NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
  added_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (collection_id, generation_id)
);
CREATE INDEX collection_items_generation_idx ON collection_items (generation_id);

-- A deleted generation (kind GENERATION) or collection (COLLECTION), kept PIXFINO_TOMBSTONE_DAYS for the feed.
CREATE TABLE library_tombstones (
  kind        VARCHAR(16)  NOT NULL,
  id          UUID         NOT NULL,
  user_id     UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  deleted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 0,
  change_xid  BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id)
);
CREATE INDEX library_tombstones_user_change_idx ON library_tombstones (user_id, change_xid, version);
CREATE INDEX library_tombstones_deleted_idx ON library_tombstones (deleted_at);

-- [jooq ignore start]
CREATE FUNCTION library_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('library_version_seq');
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END
$$;

-- A generation changes version when a column of its view changes, or when a writer sets version to anything else
-- (tags and collection membership live in other tables: their writers "touch" the row that way). Polls and job
-- bookkeeping (poll_count, deadline_at, provider_job_id, updated_at alone) do not re-send it.
CREATE FUNCTION generations_library_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.version = OLD.version
     AND (NEW.status, NEW.refunded, NEW.provider, NEW.model, NEW.error_code, NEW.error_message, NEW.output_key,
          NEW.output_content_type, NEW.thumbnail_key, NEW.width, NEW.height, NEW.api_cost_usd, NEW.started_at,
          NEW.completed_at, NEW.favorite, NEW.prompt, NEW.upload_id, NEW.preset_id, NEW.credits_charged)
         IS NOT DISTINCT FROM
         (OLD.status, OLD.refunded, OLD.provider, OLD.model, OLD.error_code, OLD.error_message, OLD.output_key,
          OLD.output_content_type, OLD.thumbnail_key, OLD.width, OLD.height, OLD.api_cost_usd, OLD.started_at,
          OLD.completed_at, OLD.favorite, OLD.prompt, OLD.upload_id, OLD.preset_id, OLD.credits_charged) THEN
    RETURN NEW;
  END IF;
  NEW.version := nextval('library_version_seq');
  NEW.change_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END
$$;

UPDATE generations SET version = nextval('library_version_seq'), change_xid = pg_current_xact_id()::text::bigint;

CREATE TRIGGER generations_library_change BEFORE INSERT OR UPDATE ON generations
  FOR EACH ROW EXECUTE FUNCTION generations_library_change();
CREATE TRIGGER collections_library_change BEFORE INSERT OR UPDATE ON collections
  FOR EACH ROW EXECUTE FUNCTION library_change();
CREATE TRIGGER library_tombstones_change BEFORE INSERT OR UPDATE ON library_tombstones
  FOR EACH ROW EXECUTE FUNCTION library_change();
-- [jooq ignore stop]
