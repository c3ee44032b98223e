package com.pixfino.server.privacy;

import static com.pixfino.server.db.jooq.Tables.ACCOUNT_TOKENS;
import static com.pixfino.server.db.jooq.Tables.API_KEYS;
import static com.pixfino.server.db.jooq.Tables.AUTH_TOKENS;
import static com.pixfino.server.db.jooq.Tables.BILLING_ACCOUNTS;
import static com.pixfino.server.db.jooq.Tables.BILLING_GRANTS;
import static com.pixfino.server.db.jooq.Tables.COLLECTIONS;
import static com.pixfino.server.db.jooq.Tables.COLLECTION_ITEMS;
import static com.pixfino.server.db.jooq.Tables.CREDIT_LEDGER;
import static com.pixfino.server.db.jooq.Tables.GENERATIONS;
import static com.pixfino.server.db.jooq.Tables.GENERATION_TAGS;
import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;
import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static com.pixfino.server.db.jooq.Tables.MODERATION_FLAGS;
import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;
import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static com.pixfino.server.db.jooq.Tables.PROMO_CODES;
import static com.pixfino.server.db.jooq.Tables.PROMO_REDEMPTIONS;
import static com.pixfino.server.db.jooq.Tables.REFERRALS;
import static com.pixfino.server.db.jooq.Tables.STYLES;
import static com.pixfino.server.db.jooq.Tables.UPLOADS;
import static com.pixfino.server.db.jooq.Tables.USERS;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_ENDPOINTS;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.storage.StorageException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user's data as one zip, written straight to a stream: the rows of every {@link UserDataTable} as JSON
 * (read in one read-only snapshot, row by row), then the upload and result files, each copied from
 * {@link Storage} as a stream. Nothing is held whole in memory, whatever the account's size.
 */
public final class AccountExport {

    private static final Logger log = LoggerFactory.getLogger(AccountExport.class);
    private static final int FETCH_SIZE = 500;

    private final DSLContext dsl;
    private final Storage storage;
    private final ObjectMapper mapper;
    private final RateLimits limits;
    private final Clock clock;

    public AccountExport(DSLContext dsl, Storage storage, ObjectMapper mapper, RateLimits limits, Clock clock) {
        this.dsl = dsl;
        this.storage = storage;
        this.mapper = mapper;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Checks the export may start and names its file; call before anything is sent, so a refusal is still a
     * plain error answer.
     */
    public String prepare(UUID userId) {
        if (!dsl.fetchExists(USERS, USERS.ID.eq(userId))) {
            throw DomainException.notFound("The user");
        }
        limits.take(Budget.EXPORT_PER_ACCOUNT, userId.toString());
        return "pixfino-data-" + LocalDate.now(clock) + ".zip";
    }

    /** Writes the zip to {@code out} and finishes it; {@code out} itself is left open. */
    public void write(UUID userId, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        List<StoredFile> files = new ArrayList<>();
        text(zip, "README.txt", readme());
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            for (UserDataTable table : UserDataTable.values()) {
                writeTable(tx, zip, table, userId, files);
            }
        });
        List<String> missing = new ArrayList<>();
        for (StoredFile file : files) {
            copy(zip, file, missing);
        }
        if (!missing.isEmpty()) {
            text(
                    zip,
                    "missing-files.txt",
                    "These files could not be read from storage when this export was made:\n"
                            + String.join("\n", missing) + "\n");
        }
        zip.finish();
        zip.flush();
        log.info(
                "event=account_exported user={} files={} missing={}",
                userId,
                files.size() - missing.size(),
                missing.size());
    }

    private void writeTable(
            DSLContext tx, ZipOutputStream zip, UserDataTable table, UUID userId, List<StoredFile> files)
            throws IOException {
        // a switch expression is exhaustive: a new UserDataTable constant does not compile until the export handles it
        Runnable part = switch (table) {
            case USERS -> () -> json(zip, table.exportEntry(), profile(tx, userId));
            case COLLECTIONS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(COLLECTIONS)
                                .where(COLLECTIONS.USER_ID.eq(userId))
                                .orderBy(COLLECTIONS.CREATED_AT, COLLECTIONS.ID),
                        r -> new ExportedRows.Collection(
                                r.getId(),
                                r.getName(),
                                r.getCreatedAt(),
                                tx.select(COLLECTION_ITEMS.GENERATION_ID)
                                        .from(COLLECTION_ITEMS)
                                        .where(COLLECTION_ITEMS.COLLECTION_ID.eq(r.getId()))
                                        .orderBy(COLLECTION_ITEMS.ADDED_AT, COLLECTION_ITEMS.GENERATION_ID)
                                        .fetch(COLLECTION_ITEMS.GENERATION_ID)));
            case MODERATION_FLAGS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(MODERATION_FLAGS)
                                .where(MODERATION_FLAGS.USER_ID.eq(userId))
                                .orderBy(MODERATION_FLAGS.ID),
                        r -> new ExportedRows.ModerationFlag(
                                r.getId(),
                                r.getSource(),
                                r.getStatus(),
                                r.getGenerationId(),
                                r.getPrompt(),
                                r.getMatched(),
                                r.getReason(),
                                r.getCreatedAt(),
                                r.getResolvedAt(),
                                r.getAction()));
            case STYLES ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(STYLES).where(STYLES.USER_ID.eq(userId)).orderBy(STYLES.CREATED_AT, STYLES.ID),
                        r -> new ExportedRows.Style(
                                r.getId(),
                                r.getName(),
                                r.getBasePresetId(),
                                r.getPrompt(),
                                r.getNegativePrompt(),
                                r.getAspectRatio(),
                                r.getCreatedAt(),
                                r.getUpdatedAt()));
            case LIBRARY_TOMBSTONES ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(LIBRARY_TOMBSTONES)
                                .where(LIBRARY_TOMBSTONES.USER_ID.eq(userId))
                                .orderBy(LIBRARY_TOMBSTONES.DELETED_AT, LIBRARY_TOMBSTONES.ID),
                        r -> new ExportedRows.DeletedLibraryItem(r.getKind(), r.getId(), r.getDeletedAt()));
            case ACCOUNT_TOKENS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(ACCOUNT_TOKENS)
                                .where(ACCOUNT_TOKENS.USER_ID.eq(userId))
                                .orderBy(ACCOUNT_TOKENS.CREATED_AT),
                        r -> new ExportedRows.MailedLink(
                                r.getPurpose(), r.getEmail(), r.getCreatedAt(), r.getExpiresAt(), r.getUsedAt()));
            case NOTIFICATION_PREFERENCES ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(NOTIFICATION_PREFERENCES).where(NOTIFICATION_PREFERENCES.USER_ID.eq(userId)),
                        r -> new ExportedRows.NotificationPreferences(
                                r.getLowCredits(),
                                r.getReceipts(),
                                r.getWeeklyDigest(),
                                r.getDigestWeek(),
                                r.getUpdatedAt()));
            case REFERRALS_MADE ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(REFERRALS)
                                .where(REFERRALS.REFERRER_ID.eq(userId))
                                .orderBy(REFERRALS.CREATED_AT, REFERRALS.ID),
                        r -> new ExportedRows.ReferralMade(
                                r.getCode(), r.getState(), r.getCreatedAt(), r.getSettledAt(), r.getReferrerCredits()));
            case REFERRED_BY ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(REFERRALS).where(REFERRALS.REFEREE_ID.eq(userId)),
                        r -> new ExportedRows.ReferredBy(
                                r.getCode(),
                                r.getState(),
                                r.getCreatedAt(),
                                r.getFirstGenerationAt(),
                                r.getSettledAt(),
                                r.getRefereeCredits()));
            case PROMO_REDEMPTIONS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.select(PROMO_CODES.CODE, PROMO_REDEMPTIONS.CREDITS, PROMO_REDEMPTIONS.REDEEMED_AT)
                                .from(PROMO_REDEMPTIONS)
                                .join(PROMO_CODES)
                                .on(PROMO_CODES.ID.eq(PROMO_REDEMPTIONS.PROMO_CODE_ID))
                                .where(PROMO_REDEMPTIONS.USER_ID.eq(userId))
                                .orderBy(PROMO_REDEMPTIONS.REDEEMED_AT, PROMO_CODES.CODE),
                        r -> new ExportedRows.PromoRedemption(r.value1(), r.value2(), r.value3()));
            case MAIL_OUTBOX ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(MAIL_OUTBOX)
                                .where(MAIL_OUTBOX.USER_ID.eq(userId))
                                .orderBy(MAIL_OUTBOX.CREATED_AT),
                        r -> new ExportedRows.Mail(
                                r.getId(),
                                r.getKind(),
                                r.getRecipient(),
                                r.getSubject(),
                                r.getCreatedAt(),
                                r.getState(),
                                r.getSentAt()));
            case AUTH_TOKENS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(AUTH_TOKENS)
                                .where(AUTH_TOKENS.USER_ID.eq(userId))
                                .orderBy(AUTH_TOKENS.CREATED_AT),
                        r -> new ExportedRows.Session(r.getCreatedAt(), r.getExpiresAt(), r.getRevokedAt()));
            case API_KEYS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(API_KEYS)
                                .where(API_KEYS.USER_ID.eq(userId))
                                .orderBy(API_KEYS.CREATED_AT),
                        r -> new ExportedRows.ApiKey(
                                r.getId(),
                                r.getName(),
                                r.getPrefix(),
                                r.getScopes(),
                                r.getCreatedAt(),
                                r.getLastUsedAt(),
                                r.getRevokedAt()));
            case WEBHOOK_ENDPOINTS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(WEBHOOK_ENDPOINTS)
                                .where(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                                .orderBy(WEBHOOK_ENDPOINTS.CREATED_AT),
                        r -> new ExportedRows.Webhook(
                                r.getId(),
                                r.getUrl(),
                                r.getEvents(),
                                r.getCreatedAt(),
                                r.getDisabledAt(),
                                r.getDisabledReason()));
            case CREDIT_LEDGER ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(CREDIT_LEDGER)
                                .where(CREDIT_LEDGER.USER_ID.eq(userId))
                                .orderBy(CREDIT_LEDGER.ID),
                        CreditLedger::view);
            case BILLING_ACCOUNTS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(BILLING_ACCOUNTS).where(BILLING_ACCOUNTS.USER_ID.eq(userId)),
                        r -> new ExportedRows.BillingAccount(
                                r.getStripeCustomerId(),
                                r.getCreatedAt(),
                                r.getSubscriptionId(),
                                r.getPlan(),
                                r.getSubscriptionStatus(),
                                r.getCurrentPeriodEnd(),
                                Boolean.TRUE.equals(r.getCancelAtPeriodEnd())));
            case BILLING_GRANTS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(BILLING_GRANTS)
                                .where(BILLING_GRANTS.USER_ID.eq(userId))
                                .orderBy(BILLING_GRANTS.CREATED_AT, BILLING_GRANTS.REFERENCE),
                        r -> new ExportedRows.Purchase(
                                r.getReference(),
                                r.getSource(),
                                r.getItem(),
                                r.getCredits(),
                                r.getPaymentIntent(),
                                r.getClawedBack(),
                                r.getCreatedAt()));
            case UPLOADS ->
                () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.selectFrom(UPLOADS)
                                .where(UPLOADS.USER_ID.eq(userId))
                                .orderBy(UPLOADS.CREATED_AT, UPLOADS.ID),
                        r -> ExportedRows.Upload.of(r, files));
            case GENERATIONS -> {
                Map<UUID, List<String>> tags = new HashMap<>();
                tx.select(GENERATION_TAGS.GENERATION_ID, GENERATION_TAGS.TAG)
                        .from(GENERATION_TAGS)
                        .join(GENERATIONS)
                        .on(GENERATIONS.ID.eq(GENERATION_TAGS.GENERATION_ID))
                        .where(GENERATIONS.USER_ID.eq(userId))
                        .orderBy(GENERATION_TAGS.TAG_KEY)
                        .forEach(t -> tags.computeIfAbsent(t.value1(), k -> new ArrayList<>())
                                .add(t.value2()));
                yield () -> jsonRows(
                        zip,
                        table.exportEntry(),
                        tx.select()
                                .from(GENERATIONS)
                                .join(PRESETS)
                                .on(PRESETS.ID.eq(GENERATIONS.PRESET_ID))
                                .where(GENERATIONS.USER_ID.eq(userId))
                                .orderBy(GENERATIONS.CREATED_AT, GENERATIONS.ID),
                        r -> ExportedRows.Generation.of(
                                r.into(GENERATIONS),
                                r.get(PRESETS.SLUG),
                                r.get(PRESETS.NAME),
                                tags.getOrDefault(r.get(GENERATIONS.ID), List.of()),
                                files));
            }
        };
        try {
            part.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ExportedRows.Profile profile(DSLContext tx, UUID userId) {
        UsersRecord user = tx.selectFrom(USERS)
                .where(USERS.ID.eq(userId))
                .fetchOptional()
                .orElseThrow(() -> DomainException.notFound("The user"));
        return new ExportedRows.Profile(
                user.getId(),
                user.getEmail(),
                user.getName(),
                user.getRole(),
                user.getTier(),
                user.getCredits(),
                user.getStatus(),
                user.getCreatedAt(),
                user.getLastLoginAt(),
                user.getReferralCode());
    }

    private void json(ZipOutputStream zip, String name, Object value) {
        try {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            JsonGenerator json = generator(zip);
            mapper.writeValue(json, value);
            json.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array written row by row from a server-side cursor. */
    private <R extends Record> void jsonRows(
            ZipOutputStream zip, String name, ResultQuery<R> query, Function<R, Object> view) {
        try (Cursor<R> rows = query.fetchSize(FETCH_SIZE).fetchLazy()) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.putNextEntry(new ZipEntry(name));
            JsonGenerator json = generator(zip);
            json.writeStartArray();
            for (R row : rows) {
                mapper.writeValue(json, view.apply(row));
            }
            json.writeEndArray();
            json.flush();
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonGenerator generator(OutputStream out) throws IOException {
        return mapper.getFactory()
                .createGenerator(new KeepOpen(out))
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .useDefaultPrettyPrinter();
    }

    /** Copies one stored file into the zip; one that cannot be read is listed instead of failing the export. */
    private void copy(ZipOutputStream zip, StoredFile file, List<String> missing) throws IOException {
        InputStream in;
        try {
            in = storage.open(file.key());
        } catch (StorageException e) {
            log.warn("event=export_file_unreadable key={} reason={}", file.key(), e.getMessage());
            missing.add(file.entry());
            return;
        }
        try (in) {
            // photos and videos are compressed already: store them as they are
            zip.setLevel(Deflater.NO_COMPRESSION);
            zip.putNextEntry(new ZipEntry(file.entry()));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readme() {
        return """
                Your Pixfino data
                =================
                profile.json      your account: email, name, plan, balance, when it was created and last used
                sessions.json     your sign-ins: when each was made, expires or was signed out (no token values)
                ledger.json       every change to your credit balance
                purchases.json    credits granted for your payments (packs, plan invoices) and Free months
                promo-redemptions.json  the promo codes you redeemed and the credits each granted
                billing.json      your Stripe customer id and your subscription as Stripe last told us
                referrals.json    accounts that joined with your invitation code (never who), and what each earned you
                referred-by.json  the invitation code you joined with, and what it earned you
                uploads.json      the photos you uploaded; the files are in uploads/
                generations.json  the results you made; the files are in generations/
                """;
    }

    /** A file to copy into the zip: its name there and its storage key. */
    record StoredFile(String entry, String key) {
        /** {@code uploads/<id>.jpg} for the key {@code uploads/<user>/<id>.jpg}: the key's extension, our own name. */
        static StoredFile named(String folder, String baseName, String key) {
            int dot = key.lastIndexOf('.');
            String extension = dot > key.lastIndexOf('/') ? key.substring(dot) : "";
            return new StoredFile(folder + "/" + baseName + extension, key);
        }
    }

    /** Keeps the response stream open when the zip or a JSON generator is closed or finished. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
