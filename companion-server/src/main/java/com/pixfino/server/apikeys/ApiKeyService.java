package com.pixfino.server.apikeys;

import static com.pixfino.server.db.jooq.Tables.API_KEYS;
import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.api.apikeys.ApiKeyList;
import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.model.api.apikeys.CreateApiKeyRequest;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.server.db.jooq.tables.records.ApiKeysRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.domain.Sha256;
import com.pixfino.server.domain.Text;
import com.pixfino.server.domain.VerifiedEmail;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys for scripts: {@code pxf_} + 256 random bits, shown once and stored only as their SHA-256 (like session
 * tokens). A key is never cached: revoking it refuses the very next request on every instance. Its last use is
 * written at most once a minute per key and instance, not once per request.
 */
public final class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final String PREFIX = ApiPaths.API_KEY_PREFIX;
    private static final Pattern FORM = Pattern.compile("pxf_[A-Za-z0-9_-]{43}");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    /** Enough for every script of an agency; a runaway loop creating keys stops here. */
    static final int MAX_ACTIVE_KEYS = 50;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<UUID, Long> lastTouched = new ConcurrentHashMap<>();
    private final DSLContext dsl;
    private final Clock clock;

    public ApiKeyService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public CreatedApiKey create(UUID userId, CreateApiKeyRequest request) {
        String name = name(request.name());
        List<ApiKeyScope> scopes = scopes(request.scopes());
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = key.substring(PREFIX.length(), PREFIX.length() + 8);
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            // the user's row serialises concurrent creations, so the cap holds
            tx.selectOne().from(USERS).where(USERS.ID.eq(userId)).forUpdate().execute();
            VerifiedEmail.require(tx, userId, "Creating an API key");
            int active = tx.fetchCount(API_KEYS, API_KEYS.USER_ID.eq(userId).and(API_KEYS.REVOKED_AT.isNull()));
            if (active >= MAX_ACTIVE_KEYS) {
                throw DomainException.conflict(
                        "too_many_api_keys",
                        "You have " + MAX_ACTIVE_KEYS + " API keys already; revoke one you no longer use first.");
            }
            tx.insertInto(API_KEYS)
                    .set(API_KEYS.ID, id)
                    .set(API_KEYS.USER_ID, userId)
                    .set(API_KEYS.NAME, name)
                    .set(API_KEYS.PREFIX, prefix)
                    .set(API_KEYS.KEY_HASH, hash(key))
                    .set(API_KEYS.SCOPES, join(scopes))
                    .set(API_KEYS.CREATED_AT, now)
                    .execute();
        });
        log.info("event=api_key_created user={} key={} scopes={}", userId, id, join(scopes));
        return new CreatedApiKey(id, name, prefix, scopes, now, key);
    }

    public ApiKeyList list(UUID userId) {
        return new ApiKeyList(dsl.selectFrom(API_KEYS)
                .where(API_KEYS.USER_ID.eq(userId))
                .and(API_KEYS.REVOKED_AT.isNull())
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID)
                .fetch(ApiKeyService::view));
    }

    /** Revokes the caller's key; the next request with it is refused on every instance. */
    public void revoke(UUID userId, UUID keyId) {
        int changed = dsl.update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, OffsetDateTime.now(clock))
                .where(API_KEYS.ID.eq(keyId))
                .and(API_KEYS.USER_ID.eq(userId))
                .and(API_KEYS.REVOKED_AT.isNull())
                .execute();
        if (changed == 0) {
            throw DomainException.notFound("API key " + keyId);
        }
        lastTouched.remove(keyId);
        log.info("event=api_key_revoked user={} key={}", userId, keyId);
    }

    /** The caller behind a raw key, if it is well formed, known, unrevoked and its account is active. */
    public Optional<ApiKeyCaller> resolve(String key) {
        if (key == null || !FORM.matcher(key).matches()) {
            return Optional.empty();
        }
        Optional<ApiKeyCaller> caller = dsl.select(API_KEYS.ID, API_KEYS.SCOPES, USERS.ID, USERS.ROLE)
                .from(API_KEYS)
                .join(USERS)
                .on(USERS.ID.eq(API_KEYS.USER_ID))
                .where(API_KEYS.KEY_HASH.eq(hash(key)))
                .and(API_KEYS.REVOKED_AT.isNull())
                .and(USERS.STATUS.eq(AccountStatus.ACTIVE))
                .fetchOptional(r -> new ApiKeyCaller(r.value3(), r.value4(), r.value1(), parse(r.value2())));
        caller.ifPresent(c -> touch(c.keyId()));
        return caller;
    }

    /** Removes every key of the user inside the caller's transaction (account deletion); answers how many. */
    public int deleteAllOf(DSLContext tx, UUID userId) {
        return tx.deleteFrom(API_KEYS).where(API_KEYS.USER_ID.eq(userId)).execute();
    }

    private void touch(UUID keyId) {
        long now = clock.millis();
        Long before = lastTouched.get(keyId);
        if (before != null && now - before < TOUCH_EVERY.toMillis()) {
            return;
        }
        if (before == null ? lastTouched.putIfAbsent(keyId, now) != null : !lastTouched.replace(keyId, before, now)) {
            return; // another request of this key writes it
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        // across instances too: a row written less than a minute ago is left alone
        dsl.update(API_KEYS)
                .set(API_KEYS.LAST_USED_AT, at)
                .where(API_KEYS.ID.eq(keyId))
                .and(API_KEYS.LAST_USED_AT.isNull().or(API_KEYS.LAST_USED_AT.le(at.minus(TOUCH_EVERY))))
                .execute();
        if (lastTouched.size() > 100_000) {
            lastTouched.clear();
        }
    }

    static ApiKeyView view(ApiKeysRecord r) {
        return new ApiKeyView(
                r.getId(),
                r.getName(),
                r.getPrefix(),
                List.copyOf(parse(r.getScopes())),
                r.getCreatedAt(),
                r.getLastUsedAt());
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.invalid("invalid_name", "Give the key a name (name), e.g. the script that uses it.");
        }
        String trimmed = Text.line("name", name).trim();
        if (trimmed.length() > 100) {
            throw DomainException.invalid("invalid_name", "The key's name is at most 100 characters.");
        }
        return trimmed;
    }

    private static List<ApiKeyScope> scopes(List<ApiKeyScope> requested) {
        if (requested == null || requested.isEmpty() || requested.contains(null)) {
            throw DomainException.invalid(
                    "invalid_scopes", "Give the key its scopes (scopes): [\"read\"] or [\"generate\", \"read\"].");
        }
        return List.copyOf(EnumSet.copyOf(requested));
    }

    private static String join(List<ApiKeyScope> scopes) {
        return String.join(",", scopes.stream().map(ApiKeyScope::wireName).toList());
    }

    static Set<ApiKeyScope> parse(String stored) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                scopes.add(ApiKeyScope.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return scopes;
    }

    static String hash(String key) {
        return Sha256.hex(key);
    }
}
