-- Create options (issue 14): formats, seeds, takes and styles on a generation; formats and a version on a preset.
--
-- A preset lists the formats ("W:H") its model can make and the one used when a request names none. Its version
-- starts at 1 and grows whenever an admin changes what it makes (a trigger), so a generation records which version
-- of the preset made it. Usage counting does not change the version.
--
-- A generation records the format and seed it ran with (seed null only on rows made before seeds were recorded),
-- the request's own negative prompt (null: the preset's), the group that ties the takes of one request, the style it
-- was made from (no foreign key: styles live in their own table, and a deleted style must not take its results) and
-- the preset's version then.

ALTER TABLE presets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE presets ADD COLUMN aspect_ratios VARCHAR(64) NOT NULL DEFAULT '1:1,4:5,3:4,9:16,16:9,3:2';
ALTER TABLE presets ADD COLUMN default_aspect_ratio VARCHAR(8) NOT NULL DEFAULT '1:1';

ALTER TABLE generations ADD COLUMN aspect_ratio VARCHAR(8);
ALTER TABLE generations ADD COLUMN seed BIGINT;
ALTER TABLE generations ADD COLUMN negative_prompt TEXT;
ALTER TABLE generations ADD COLUMN group_id UUID;
ALTER TABLE generations ADD COLUMN style_id UUID;
ALTER TABLE generations ADD COLUMN preset_version INTEGER;
CREATE INDEX generations_group_idx ON generations (group_id);

-- [jooq ignore start]
-- Image models (Flux Kontext and the like, and the local renderer) make all six formats; Veo makes 16:9 and 9:16;
-- the other video models (Kling, Hailuo) 16:9, 9:16 and 1:1. The default is the look's own framing (its recipe's
-- aspect), 2:3 becoming the nearest offered portrait, 3:4.
UPDATE presets SET aspect_ratios = CASE
    WHEN provider = 'local' OR media_kind <> 'VIDEO' THEN '1:1,4:5,3:4,9:16,16:9,3:2'
    WHEN model LIKE '%veo%' THEN '16:9,9:16'
    ELSE '16:9,9:16,1:1'
  END;
UPDATE presets SET default_aspect_ratio = CASE
    WHEN (',' || aspect_ratios || ',') LIKE ('%,' || (recipe::jsonb ->> 'aspect') || ',%')
      THEN recipe::jsonb ->> 'aspect'
    WHEN recipe::jsonb ->> 'aspect' = '2:3' AND aspect_ratios LIKE '%3:4%' THEN '3:4'
    ELSE split_part(aspect_ratios, ',', 1)
  END;

ALTER TABLE presets ADD CONSTRAINT presets_aspect_ratios_valid
  CHECK (aspect_ratios ~ '^(1:1|4:5|3:4|9:16|16:9|3:2)(,(1:1|4:5|3:4|9:16|16:9|3:2))*$');
ALTER TABLE presets ADD CONSTRAINT presets_default_aspect_ratio_offered
  CHECK ((',' || aspect_ratios || ',') LIKE ('%,' || default_aspect_ratio || ',%'));
ALTER TABLE generations ADD CONSTRAINT generations_seed_range CHECK (seed BETWEEN 0 AND 2147483647);

CREATE FUNCTION presets_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = OLD.version
     AND (NEW.slug, NEW.name, NEW.category, NEW.media_kind, NEW.provider, NEW.model, NEW.duration_seconds,
          NEW.credits, NEW.api_cost_usd, NEW.featured, NEW.pro, NEW.prompt_template, NEW.negative_prompt,
          NEW.thumbnail_url, NEW.recipe, NEW.active, NEW.sort_order, NEW.aspect_ratios, NEW.default_aspect_ratio)
         IS DISTINCT FROM
         (OLD.slug, OLD.name, OLD.category, OLD.media_kind, OLD.provider, OLD.model, OLD.duration_seconds,
          OLD.credits, OLD.api_cost_usd, OLD.featured, OLD.pro, OLD.prompt_template, OLD.negative_prompt,
          OLD.thumbnail_url, OLD.recipe, OLD.active, OLD.sort_order, OLD.aspect_ratios, OLD.default_aspect_ratio)
  THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER presets_version_bump BEFORE UPDATE ON presets
  FOR EACH ROW EXECUTE FUNCTION presets_version_bump();

-- Generations made before formats were recorded were made in their preset's framing.
UPDATE generations g SET aspect_ratio = p.default_aspect_ratio FROM presets p WHERE p.id = g.preset_id;
-- [jooq ignore stop]
