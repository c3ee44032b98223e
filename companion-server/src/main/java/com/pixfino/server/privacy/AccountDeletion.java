package com.pixfino.server.privacy;

import static com.pixfino.server.db.jooq.Tables.ACCOUNT_TOKENS;
import static com.pixfino.server.db.jooq.Tables.COLLECTIONS;
import static com.pixfino.server.db.jooq.Tables.LIBRARY_TOMBSTONES;
import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static com.pixfino.server.db.jooq.Tables.MODERATION_FLAGS;
import static com.pixfino.server.db.jooq.Tables.NOTIFICATION_PREFERENCES;
import static com.pixfino.server.db.jooq.Tables.PROMO_REDEMPTIONS;
import static com.pixfino.server.db.jooq.Tables.REFERRALS;
import static com.pixfino.server.db.jooq.Tables.STYLES;
import static com.pixfino.server.db.jooq.Tables.WEBHOOK_ENDPOINTS;

import com.pixfino.server.accounts.AccountService;
import com.pixfino.server.accounts.TokenService;
import com.pixfino.server.apikeys.ApiKeyService;
import com.pixfino.server.billing.BillingAccounts;
import com.pixfino.server.billing.BillingService;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.GenerationsRecord;
import com.pixfino.server.db.jooq.tables.records.UploadsRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.generation.GenerationStore;
import com.pixfino.server.generation.JobQueue;
import com.pixfino.server.storage.Storage;
import com.pixfino.server.storage.StorageException;
import com.pixfino.server.uploads.UploadService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting an account, start to end: the password is checked again; running generations are canceled (and
 * refunded, so the books balance) and their providers asked to stop; then one transaction removes or moves
 * every {@link UserDataTable}'s rows of the user, the ledger's to a tombstone; the files go last, after
 * commit, so a failure part-way leaves at worst unreferenced files, never rows pointing at missing ones.
 */
public final class AccountDeletion {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletion.class);

    private final DSLContext dsl;
    private final AccountService accounts;
    private final TokenService tokens;
    private final ApiKeyService apiKeys;
    private final UploadService uploads;
    private final GenerationStore generations;
    private final CreditLedger ledger;
    private final JobQueue jobs;
    private final Storage storage;
    private final BillingAccounts billing;
    private final BillingService subscriptions;

    public AccountDeletion(
            DSLContext dsl,
            AccountService accounts,
            TokenService tokens,
            ApiKeyService apiKeys,
            UploadService uploads,
            GenerationStore generations,
            CreditLedger ledger,
            JobQueue jobs,
            Storage storage,
            BillingAccounts billing,
            BillingService subscriptions) {
        this.billing = billing;
        this.subscriptions = subscriptions;
        this.dsl = dsl;
        this.accounts = accounts;
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.uploads = uploads;
        this.generations = generations;
        this.ledger = ledger;
        this.jobs = jobs;
        this.storage = storage;
    }

    /** What a deletion removed, for the log and the tests. */
    public record Outcome(
            UUID tombstoneId,
            int generations,
            int uploads,
            int tokens,
            int ledgerRows,
            int creditsWrittenOff,
            int filesLeft) {}

    /**
     * @throws DomainException FORBIDDEN {@code wrong_password} (nothing changes), or TOO_MANY_REQUESTS while the
     *                         email is locked out after failed sign-ins
     */
    public Outcome delete(UUID userId, String password, String clientIp) {
        accounts.confirmPassword(userId, password, clientIp);
        // a live subscription is cancelled first: if Stripe cannot be told, nothing is deleted and the user retries
        subscriptions.cancelBeforeDeletion(userId);
        for (UUID open : generations.openIdsOf(userId)) {
            generations
                    .cancel(open)
                    .ifPresent(canceled -> jobs.cancelAtProvider(canceled.getProvider(), canceled.getProviderJobId()));
        }
        List<String> files = new ArrayList<>();
        Outcome removed = dsl.transactionResult(cfg -> removeRows(DSL.using(cfg), userId, files));
        // again after the commit: a request that read the tokens just before it must not keep one remembered
        tokens.forget(userId);
        int left = 0;
        for (String key : files) {
            try {
                storage.delete(key);
            } catch (StorageException e) {
                left++;
                log.warn("event=account_file_left key={} reason={}", key, e.getMessage());
            }
        }
        Outcome outcome = new Outcome(
                removed.tombstoneId(),
                removed.generations(),
                removed.uploads(),
                removed.tokens(),
                removed.ledgerRows(),
                removed.creditsWrittenOff(),
                left);
        log.info(
                "event=account_deleted user={} tombstone={} generations={} uploads={} tokens={} ledger_rows={} credits_written_off={} files_left={}",
                userId,
                outcome.tombstoneId(),
                outcome.generations(),
                outcome.uploads(),
                outcome.tokens(),
                outcome.ledgerRows(),
                outcome.creditsWrittenOff(),
                left);
        return outcome;
    }

    private Outcome removeRows(DSLContext tx, UUID userId, List<String> files) {
        // the row lock makes a concurrent charge or refund wait, so the balance written off is the last one
        accounts.lockUser(tx, userId).orElseThrow(() -> DomainException.notFound("The user"));
        // and a library edit in flight finishes first, so the two never wait on each other's rows
        GenerationStore.lockLibrary(tx, userId);
        Map<UserDataTable, Integer> rows = new EnumMap<>(UserDataTable.class);
        CreditLedger.Tombstone tombstone = null;
        for (UserDataTable table : UserDataTable.values()) {
            // a switch expression is exhaustive: a new UserDataTable constant does not compile until deletion handles
            // it
            int count = switch (table) {
                // their items go with them (ON DELETE CASCADE); the generations stay until their own turn
                case COLLECTIONS ->
                    tx.deleteFrom(COLLECTIONS)
                            .where(COLLECTIONS.USER_ID.eq(userId))
                            .execute();
                case MODERATION_FLAGS ->
                    tx.deleteFrom(MODERATION_FLAGS)
                            .where(MODERATION_FLAGS.USER_ID.eq(userId))
                            .execute();
                case STYLES ->
                    tx.deleteFrom(STYLES).where(STYLES.USER_ID.eq(userId)).execute();
                case LIBRARY_TOMBSTONES ->
                    tx.deleteFrom(LIBRARY_TOMBSTONES)
                            .where(LIBRARY_TOMBSTONES.USER_ID.eq(userId))
                            .execute();
                case GENERATIONS -> generationsRemoved(generations.deleteAllOf(tx, userId), files);
                case UPLOADS -> uploadsRemoved(uploads.deleteAllOf(tx, userId), files);
                case AUTH_TOKENS -> tokens.deleteAllOf(tx, userId);
                case ACCOUNT_TOKENS ->
                    tx.deleteFrom(ACCOUNT_TOKENS)
                            .where(ACCOUNT_TOKENS.USER_ID.eq(userId))
                            .execute();
                // mail not sent yet is dropped with the account: it would tell about an account that is gone
                // the user's invitations go with them; joined with someone's code, the row stays for the referrer's
                // figures and names nobody
                case REFERRALS_MADE ->
                    tx.deleteFrom(REFERRALS)
                            .where(REFERRALS.REFERRER_ID.eq(userId))
                            .execute();
                case REFERRED_BY ->
                    tx.update(REFERRALS)
                            .setNull(REFERRALS.REFEREE_ID)
                            .where(REFERRALS.REFEREE_ID.eq(userId))
                            .execute();
                case MAIL_OUTBOX ->
                    tx.deleteFrom(MAIL_OUTBOX)
                            .where(MAIL_OUTBOX.USER_ID.eq(userId))
                            .execute();
                // the codes' redemption counts stay (the grants stay in the ledger, under the tombstone)
                case PROMO_REDEMPTIONS ->
                    tx.deleteFrom(PROMO_REDEMPTIONS)
                            .where(PROMO_REDEMPTIONS.USER_ID.eq(userId))
                            .execute();
                case API_KEYS -> apiKeys.deleteAllOf(tx, userId);
                // their queued events and delivery log go with them (ON DELETE CASCADE)
                case WEBHOOK_ENDPOINTS ->
                    tx.deleteFrom(WEBHOOK_ENDPOINTS)
                            .where(WEBHOOK_ENDPOINTS.USER_ID.eq(userId))
                            .execute();
                case CREDIT_LEDGER -> {
                    tombstone = ledger.closeAccount(tx, userId);
                    yield tombstone.ledgerRows();
                }
                case BILLING_GRANTS -> billing.deleteGrantsOf(tx, userId);
                case BILLING_ACCOUNTS -> billing.deleteAccountOf(tx, userId);
                case NOTIFICATION_PREFERENCES ->
                    tx.deleteFrom(NOTIFICATION_PREFERENCES)
                            .where(NOTIFICATION_PREFERENCES.USER_ID.eq(userId))
                            .execute();
                case USERS -> accounts.deleteUser(tx, userId);
            };
            rows.put(table, count);
        }
        return new Outcome(
                tombstone.id(),
                rows.get(UserDataTable.GENERATIONS),
                rows.get(UserDataTable.UPLOADS),
                rows.get(UserDataTable.AUTH_TOKENS),
                tombstone.ledgerRows(),
                tombstone.creditsWrittenOff(),
                0);
    }

    private static int generationsRemoved(List<GenerationsRecord> rows, List<String> files) {
        for (GenerationsRecord row : rows) {
            addIfSet(files, row.getOutputKey());
            addIfSet(files, row.getThumbnailKey());
        }
        return rows.size();
    }

    private static int uploadsRemoved(List<UploadsRecord> rows, List<String> files) {
        for (UploadsRecord row : rows) {
            addIfSet(files, row.getStorageKey());
            addIfSet(files, row.getThumbnailKey());
        }
        return rows.size();
    }

    private static void addIfSet(List<String> files, String key) {
        if (key != null) {
            files.add(key);
        }
    }
}
