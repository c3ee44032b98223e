-- A creator's own styles and the prompt library (issue 14).
--
-- A style is a base preset with the prompt, negative prompt and format that worked for its owner. It is part of the
-- synced library: version and change_xid are set by the same trigger as collections (see V7 and LibraryFeed), and a
-- deleted style leaves a library_tombstones row of kind STYLE, kept and purged like the other tombstones.
-- name_key is the name in lower case (longer than name: lower-casing can lengthen a character), so two styles of
-- one user never differ only by case.

CREATE TABLE styles (
  id               UUID          NOT NULL PRIMARY KEY,
  user_id          UUID          NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name             VARCHAR(60)   NOT NULL,
  name_key         VARCHAR(240)  NOT NULL,
  base_preset_id   BIGINT        NOT NULL REFERENCES presets (id),
  prompt           TEXT          NOT NULL DEFAULT '',
  negative_prompt  TEXT          NOT NULL DEFAULT '',
  aspect_ratio     VARCHAR(8)    NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 0,
  change_xid       BIGINT        NOT NULL DEFAULT 0,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT styles_name_unique UNIQUE (user_id, name_key)
);
CREATE INDEX styles_user_change_idx ON styles (user_id, change_xid, version);
CREATE INDEX styles_user_created_idx ON styles (user_id, created_at);

-- [jooq ignore start]
CREATE TRIGGER styles_library_change BEFORE INSERT OR UPDATE ON styles
  FOR EACH ROW EXECUTE FUNCTION library_change();
-- [jooq ignore stop]

-- Curated example prompts, shown in the studio's prompt box by preset category (the names of PresetCategory).
CREATE TABLE prompt_examples (
  id        SERIAL       NOT NULL PRIMARY KEY,
  category  VARCHAR(32)  NOT NULL,
  text      TEXT         NOT NULL
);
CREATE INDEX prompt_examples_category_idx ON prompt_examples (category, id);

INSERT INTO prompt_examples (category, text) VALUES
('PORTRAIT', 'Soft window light from the left, shallow depth of field, warm skin tones, relaxed half smile, muted olive backdrop, shot on an 85 mm lens'),
('PORTRAIT', 'Golden hour backlight catching loose strands of hair, gentle lens flare, natural freckles, linen shirt, field of dry grass behind'),
('PORTRAIT', 'Black and white, high contrast Rembrandt lighting, deep shadows on one cheek, fine film grain, calm direct gaze into the camera'),
('PORTRAIT', 'Rainy city evening, neon shop signs reflected in wet glass, cool blue and magenta tones, collar turned up, candid look over the shoulder'),
('PORTRAIT', 'Editorial close-up with a clean white background, even beauty-dish light, crisp catchlights, natural makeup, hair tucked behind one ear'),
('PORTRAIT', 'Cozy café corner, steam rising from a cup, warm tungsten light, soft bokeh of string lights, thoughtful expression looking out the window'),

('HEADSHOT', 'Professional LinkedIn headshot, navy blazer over a white shirt, light grey seamless backdrop, soft even light, confident approachable smile'),
('HEADSHOT', 'Modern office background softly blurred, natural daylight from a large window, open-collar shirt, shoulders angled slightly, friendly eye contact'),
('HEADSHOT', 'Corporate headshot for a law firm, charcoal suit, dark gradient backdrop, crisp studio lighting, neutral composed expression, tie neatly knotted'),
('HEADSHOT', 'Startup founder headshot, plain crew-neck sweater, warm beige wall, relaxed genuine laugh, shot at eye level, tight head-and-shoulders crop'),
('HEADSHOT', 'Outdoor headshot in a green park, trees softly out of focus, overcast light for flattering skin, smart casual jacket, calm confident look'),
('HEADSHOT', 'Doctor or consultant headshot, clean white coat, bright clinic background blurred, trustworthy smile, sharp focus on the eyes'),

('FASHION', 'High fashion editorial, oversized camel wool coat, minimalist concrete architecture, hard midday shadows, strong pose, Vogue magazine look'),
('FASHION', 'Streetwear lookbook in a graffiti alley, cargo pants and chunky sneakers, low angle, wide lens, saturated colours, confident stride'),
('FASHION', 'Elegant evening gown in emerald satin, marble staircase, chandelier glow, long flowing train, poised over-the-shoulder glance'),
('FASHION', 'Summer resort collection, white linen set, Mediterranean terrace with bougainvillea, bright sun, sea breeze in the fabric'),
('FASHION', 'Nineties film look, denim jacket and slip dress, on-camera flash, slightly overexposed, candid party energy, grainy snapshot feel'),
('FASHION', 'Tailored menswear, double-breasted grey suit, rooftop at dusk, city lights behind, moody cinematic grade, hands in pockets'),

('FANTASY', 'Elven ranger in a misty ancient forest, intricate leaf-patterned armour, glowing runes on a longbow, shafts of light through the canopy'),
('FANTASY', 'Cyberpunk mercenary, chrome cybernetic jaw, holographic visor, rain-soaked neon megacity at night, cinematic teal and orange grade'),
('FANTASY', 'Regal ice queen on a frozen throne, crown of crystal shards, breath visible in the cold air, pale blue palette, snow drifting'),
('FANTASY', 'Steampunk inventor in a brass workshop, goggles pushed up on the forehead, gears and copper pipes, warm lamp light, soot on the cheek'),
('FANTASY', 'Space explorer on an alien desert planet, two suns on the horizon, weathered flight suit, helmet under one arm, epic wide shot'),
('FANTASY', 'Dark sorcerer in a candlelit library, swirling violet magic between the hands, hooded robe with silver embroidery, dramatic rim light'),

('PRODUCT', 'Luxury perfume bottle on black marble, single hard spotlight, crisp reflections, gold accents, droplets of water on the glass'),
('PRODUCT', 'Sneaker floating against a pastel gradient, soft shadow beneath, clean e-commerce lighting, every stitch sharp'),
('PRODUCT', 'Skincare jar on a wet stone slab, eucalyptus leaves, soft morning light, spa mood, top-down flat lay with generous negative space'),
('PRODUCT', 'Wristwatch on weathered oak, macro detail of the dial, warm side light, shallow depth of field, leather strap curving out of frame'),
('PRODUCT', 'Coffee bag on a café counter, beans spilling out, steam from a fresh cup behind, warm lifestyle photo with a rustic feel'),
('PRODUCT', 'Headphones on a pure white seamless background, high-key studio light, no shadows, catalogue shot from a three-quarter angle'),

('VIDEO_AD', 'Slow push-in on the product turning on a pedestal, light sweep across the surface, dark premium backdrop, ends on a clean hero frame'),
('VIDEO_AD', 'Person unboxing the product at a sunlit kitchen table, genuine delighted reaction, handheld feel, warm natural light'),
('VIDEO_AD', 'Fast-paced social ad, three quick cuts of the product in use outdoors, bold colours, energetic motion, made for vertical phone screens'),
('VIDEO_AD', 'Cinematic drone-style orbit around the subject on a cliff at sunrise, mist in the valley below, epic and calm'),
('VIDEO_AD', 'Before-and-after reveal: a cluttered desk wipes into a tidy setup with the product at the centre, smooth transition, upbeat mood'),
('VIDEO_AD', 'Close-up of hands pouring and stirring, slow motion splash, rich colours, steam rising, appetising food commercial look');
