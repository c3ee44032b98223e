package com.pixfino.server.moderation;

import static com.pixfino.server.db.jooq.Tables.MODERATION_WORDS;

import com.pixfino.model.api.admin.ModerationWords;
import com.pixfino.server.admin.AuditTrail;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The banned-word list as stored, and compiled once for every create to use. A change made here takes effect at once
 * on this server; another server sharing the database reloads it within {@link #RELOAD_AFTER}.
 */
public final class ModerationWordList {

    private static final Logger log = LoggerFactory.getLogger(ModerationWordList.class);

    public static final int MAX_WORDS = 2000;
    public static final int MAX_WORD = 64;
    static final Duration RELOAD_AFTER = Duration.ofSeconds(5);

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(List<String> words, BannedWords compiled, Instant at) {}

    public ModerationWordList(DSLContext dsl, AuditTrail audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /** The list as the admin wrote it, in its order. */
    public ModerationWords words() {
        return new ModerationWords(current().words());
    }

    /** The compiled list, read from the database only when the copy held here is older than a few seconds. */
    public BannedWords banned() {
        return current().compiled();
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null || !Instant.now(clock).isBefore(now.at().plus(RELOAD_AFTER))) {
            now = load(dsl);
            loaded = now;
        }
        return now;
    }

    private Loaded load(DSLContext tx) {
        List<String> words = tx.select(MODERATION_WORDS.WORD)
                .from(MODERATION_WORDS)
                .orderBy(MODERATION_WORDS.POSITION)
                .fetch(MODERATION_WORDS.WORD);
        return new Loaded(List.copyOf(words), BannedWords.of(words), Instant.now(clock));
    }

    /** Replaces the whole list and records the change (before → after) in the audit trail. */
    public ModerationWords replace(UUID adminId, ModerationWords request) {
        List<String> words = validated(request);
        Loaded written = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // one writer at a time, so the audit's "before" is the list this change replaced
            tx.execute("LOCK TABLE moderation_words IN EXCLUSIVE MODE");
            List<String> before = load(tx).words();
            tx.deleteFrom(MODERATION_WORDS).execute();
            if (!words.isEmpty()) {
                var insert = tx.insertInto(MODERATION_WORDS, MODERATION_WORDS.POSITION, MODERATION_WORDS.WORD);
                for (int i = 0; i < words.size(); i++) {
                    insert = insert.values(i + 1, words.get(i));
                }
                insert.execute();
            }
            if (!before.equals(words)) {
                audit.record(
                        tx,
                        new AuditTrail.Action(
                                adminId,
                                "moderation_words_changed",
                                "moderation_words",
                                "banned-words",
                                Map.of("words", before),
                                Map.of("words", words),
                                null));
            }
            return new Loaded(words, BannedWords.of(words), Instant.now(clock));
        });
        loaded = written;
        log.info("event=moderation_words_changed admin={} words={}", adminId, words.size());
        return new ModerationWords(written.words());
    }

    /** Each word trimmed, 1–64 characters with a letter or digit, none twice ignoring case, at most 2000. */
    static List<String> validated(ModerationWords request) {
        if (request == null || request.words() == null) {
            throw invalid("words is required: a list of the banned words, [] for none.");
        }
        if (request.words().size() > MAX_WORDS) {
            throw invalid("The list holds at most " + MAX_WORDS + " words; this one has "
                    + request.words().size() + ".");
        }
        List<String> words = new ArrayList<>(request.words().size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.words().size(); i++) {
            String raw = request.words().get(i);
            if (raw == null) {
                throw invalid("words[" + i + "] is null; every entry must be a word.");
            }
            String word = Text.line("words[" + i + "]", raw).strip();
            if (word.isEmpty() || word.length() > MAX_WORD) {
                throw invalid("words[" + i + "] must be 1 to " + MAX_WORD + " characters after trimming.");
            }
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                throw invalid("words[" + i + "] must contain a letter or a digit.");
            }
            if (!seen.add(word.toLowerCase(Locale.ROOT))) {
                throw invalid("words[" + i + "] ('" + Text.quote(word, MAX_WORD)
                        + "') is already in the list; each word may appear once, whatever its case.");
            }
            words.add(word);
        }
        return List.copyOf(words);
    }

    private static DomainException invalid(String message) {
        return DomainException.invalid("invalid_words", message);
    }
}
