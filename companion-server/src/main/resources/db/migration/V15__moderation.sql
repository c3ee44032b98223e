-- Moderation (issue 15). The banned-word list prompts are checked against at create, in the order the admin wrote it,
-- and the flag queue: prompts refused at create, results a provider refused for safety, and results their owner
-- reported. A flag goes with its user's account (it holds their prompt); it keeps the id of a generation that is gone.
CREATE TABLE moderation_words (
  position INT         NOT NULL PRIMARY KEY,
  word     VARCHAR(64) NOT NULL
);

CREATE TABLE moderation_flags (
  id            BIGSERIAL    NOT NULL PRIMARY KEY,
  source        VARCHAR(16)  NOT NULL CHECK (source IN ('prompt', 'provider', 'report')),
  status        VARCHAR(16)  NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  user_id       UUID         REFERENCES users (id) ON DELETE CASCADE,
  generation_id UUID,
  prompt        TEXT,
  matched       TEXT,
  reason        VARCHAR(500),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at   TIMESTAMP WITH TIME ZONE,
  resolved_by   UUID,
  action        VARCHAR(32)  CHECK (action IN ('dismiss', 'delete_generation', 'suspend_user')),
  note          VARCHAR(500)
);

CREATE INDEX moderation_flags_status_idx ON moderation_flags (status, id);
CREATE INDEX moderation_flags_user_idx ON moderation_flags (user_id);
-- a user reports one result once
CREATE UNIQUE INDEX moderation_flags_one_report_idx ON moderation_flags (generation_id, user_id) WHERE source = 'report';

-- A sensible default: sexual content, sexualised minors, graphic violence and self-harm, hate symbols and the
-- commonest slurs and profanities. Matching is on whole words (and their disguises), so none of these catches an
-- ordinary word that merely contains one.
INSERT INTO moderation_words (position, word) VALUES
  (1, 'nsfw'), (2, 'nude'), (3, 'nudes'), (4, 'nudity'), (5, 'naked'), (6, 'topless'), (7, 'bottomless'),
  (8, 'porn'), (9, 'porno'), (10, 'pornographic'), (11, 'pornography'), (12, 'xxx'), (13, 'hentai'), (14, 'erotic'),
  (15, 'fetish'), (16, 'bdsm'), (17, 'orgasm'), (18, 'genitals'), (19, 'penis'), (20, 'vagina'), (21, 'boobs'),
  (22, 'tits'), (23, 'nipples'), (24, 'blowjob'), (25, 'handjob'), (26, 'cumshot'), (27, 'stripper'),
  (28, 'striptease'), (29, 'sex'), (30, 'sexual'), (31, 'onlyfans'), (32, 'loli'), (33, 'lolita'), (34, 'shota'),
  (35, 'underage'), (36, 'child porn'), (37, 'csam'), (38, 'pedophile'), (39, 'paedophile'), (40, 'bestiality'),
  (41, 'incest'), (42, 'rape'), (43, 'molest'), (44, 'gory'), (45, 'beheading'), (46, 'beheaded'),
  (47, 'decapitated'), (48, 'dismembered'), (49, 'mutilated'), (50, 'self harm'), (51, 'suicide'), (52, 'swastika'),
  (53, 'nazi'), (54, 'kkk'), (55, 'white power'), (56, 'terrorist'), (57, 'fuck'), (58, 'fucking'), (59, 'shit'),
  (60, 'ass'), (61, 'asshole'), (62, 'bitch'), (63, 'cunt'), (64, 'pussy'), (65, 'whore'), (66, 'slut'),
  (67, 'motherfucker'), (68, 'nigger'), (69, 'nigga'), (70, 'faggot'), (71, 'retard'), (72, 'tranny'), (73, 'kike'),
  (74, 'wetback');
