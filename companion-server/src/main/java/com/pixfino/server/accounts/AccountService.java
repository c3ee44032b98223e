package com.pixfino.server.accounts;

import static com.pixfino.server.db.jooq.Tables.USERS;

import com.pixfino.model.AccountStatus;
import com.pixfino.model.LedgerKind;
import com.pixfino.model.Role;
import com.pixfino.model.Tier;
import com.pixfino.model.api.AuthResponse;
import com.pixfino.model.api.LoginRequest;
import com.pixfino.model.api.RegisterRequest;
import com.pixfino.model.api.UserView;
import com.pixfino.server.billing.BillingAccounts;
import com.pixfino.server.config.ConfigException;
import com.pixfino.server.config.ServerConfig;
import com.pixfino.server.credits.CreditLedger;
import com.pixfino.server.db.jooq.tables.records.UsersRecord;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.limits.Budget;
import com.pixfino.server.limits.RateLimits;
import com.pixfino.server.referrals.Referrals;
import com.pixfino.server.settings.PlatformSettings;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registration, sign-in and the signed-in user's profile. The only writer of {@code users} rows, except
 * {@code users.credits}, which only the {@link CreditLedger} changes (with its ledger row), {@code users.tier},
 * which follows the Stripe subscription ({@link BillingAccounts}), {@code users.email_verified_at}
 * ({@link EmailVerification}) and {@code users.password_hash} after sign-up ({@link PasswordReset}).
 */
public final class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final CurrentPassword.Guard DELETION_GUARD = new CurrentPassword.Guard(
            "password_confirmation_failed",
            "Enter your password to confirm.",
            "The password is wrong, so nothing was deleted. Enter the password you sign in with.");

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final CurrentPassword passwordCheck;
    private final TokenService tokens;
    private final CreditLedger ledger;
    private final ServerConfig config;
    private final RateLimits limits;
    private final BillingAccounts billing;
    private final EmailVerification verification;
    private final Referrals referrals;
    private final PlatformSettings settings;
    private final Clock clock;

    public AccountService(
            DSLContext dsl,
            PasswordHasher hasher,
            TokenService tokens,
            CreditLedger ledger,
            ServerConfig config,
            RateLimits limits,
            BillingAccounts billing,
            EmailVerification verification,
            Referrals referrals,
            PlatformSettings settings,
            Clock clock) {
        this.dsl = dsl;
        this.referrals = referrals;
        this.settings = settings;
        this.verification = verification;
        this.billing = billing;
        this.limits = limits;
        this.hasher = hasher;
        this.passwordCheck = new CurrentPassword(hasher, limits);
        this.tokens = tokens;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    /** Registers with links in the verification mail pointing at this server's own port on this machine. */
    public AuthResponse register(RegisterRequest request, String clientIp) {
        return register(request, clientIp, java.net.URI.create("http://127.0.0.1:" + config.port()));
    }

    /**
     * Creates the account, signs it in and queues the mail that verifies its address, all in one transaction.
     *
     * @param clientIp    the caller's address, counted against the registration budgets
     * @param requestBase where the request came to: the verification link's host unless a public URL is configured
     */
    public AuthResponse register(RegisterRequest request, String clientIp, java.net.URI requestBase) {
        limits.take(Budget.REGISTER_PER_IP, clientIp);
        String email = Credentials.email(request.email());
        limits.take(Budget.REGISTER_PER_ACCOUNT, EmailHash.of(email));
        String name = Credentials.name(request.name(), email);
        Credentials.password(request.password(), email);
        String hash = hasher.hash(request.password());
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                // an unknown code refuses the sign-up; a known one is recorded whether rewards are on or not
                Optional<UUID> referrer = referrals.referrerOf(tx, request.referralCode());
                UUID id = createUser(tx, email, name, hash, Role.USER);
                referrer.ifPresent(by -> referrals.record(tx, by, id));
                // registering signs in: the admin statistics count it as activity
                tx.update(USERS)
                        .set(USERS.LAST_LOGIN_AT, OffsetDateTime.now(clock))
                        .where(USERS.ID.eq(id))
                        .execute();
                String token = tokens.issue(tx, id);
                verification.queue(tx, id, email, name, requestBase);
                log.info("event=user_registered user={}", id);
                return new AuthResponse(token, view(tx, id, requestBase));
            });
        } catch (DataAccessException e) {
            if (UNIQUE_VIOLATION.equals(e.sqlState())) {
                throw DomainException.conflict(
                        "email_taken", "An account with this email already exists. Sign in instead.");
            }
            throw e;
        }
    }

    /**
     * Signs in. The address and the email are counted first, and an email with too many failed sign-ins is
     * locked out before its password is checked; all of that happens alike for emails no account has.
     *
     * @param clientIp the caller's address, counted against the sign-in budget and logged with a failure
     */
    public AuthResponse login(LoginRequest request, String clientIp) {
        return login(request, clientIp, ownAddress());
    }

    /**
     * Signs in; {@code requestBase} is where the request came to (the referral link's host unless a public URL is
     * configured).
     */
    public AuthResponse login(LoginRequest request, String clientIp, URI requestBase) {
        String email = request.email() == null ? "" : request.email().trim().toLowerCase(java.util.Locale.ROOT);
        String password = request.password() == null ? "" : request.password();
        String emailHash = EmailHash.of(email);
        limits.take(Budget.LOGIN_PER_IP, clientIp);
        limits.ensureLeft(Budget.FAILED_LOGINS_PER_ACCOUNT, emailHash);
        limits.take(Budget.LOGIN_PER_ACCOUNT, emailHash);
        UsersRecord user = dsl.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOne();
        boolean valid = user == null ? hasher.verifyDecoy(password) : hasher.verify(password, user.getPasswordHash());
        if (!valid) {
            limits.charge(Budget.FAILED_LOGINS_PER_ACCOUNT, emailHash);
            log.warn("event=login_failed email_hash={} ip={} reason=wrong_email_or_password", emailHash, clientIp);
            throw DomainException.unauthorized("The email or password is wrong.");
        }
        if (user.getStatus() != AccountStatus.ACTIVE) {
            log.warn("event=login_failed email_hash={} ip={} reason=suspended", emailHash, clientIp);
            throw new DomainException(
                    DomainException.Kind.FORBIDDEN,
                    "account_suspended",
                    "This account is suspended, so it cannot sign in. Contact support.");
        }
        limits.reset(Budget.FAILED_LOGINS_PER_ACCOUNT, emailHash);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.update(USERS)
                    .set(USERS.LAST_LOGIN_AT, OffsetDateTime.now(clock))
                    .where(USERS.ID.eq(user.getId()))
                    .execute();
            String token = tokens.issue(tx, user.getId());
            log.info("event=user_login user={}", user.getId());
            return new AuthResponse(token, view(tx, user.getId(), requestBase));
        });
    }

    /**
     * Checks the signed-in user's password again before something that cannot be undone. A wrong one counts
     * as a failed sign-in for their email (and is refused while that email is locked out).
     *
     * @throws DomainException FORBIDDEN {@code wrong_password} when it does not match
     */
    public void confirmPassword(UUID userId, String password, String clientIp) {
        passwordCheck.confirm(UserRows.existing(dsl, userId), password, clientIp, DELETION_GUARD);
    }

    /** Removes the user's row inside the caller's transaction; what refers to it must be gone or moved first. */
    public int deleteUser(DSLContext tx, UUID userId) {
        return tx.deleteFrom(USERS).where(USERS.ID.eq(userId)).execute();
    }

    /** Locks the user's row for the caller's transaction (balance changes wait) and answers it, if it exists. */
    public java.util.Optional<UsersRecord> lockUser(DSLContext tx, UUID userId) {
        return tx.selectFrom(USERS).where(USERS.ID.eq(userId)).forUpdate().fetchOptional();
    }

    /**
     * Sets the account's status inside the caller's transaction (which should hold the row lock) and answers the one
     * it had. Sessions and API keys are refused while it is not {@code ACTIVE} (they check it on every look-up); the
     * caller drops this server's remembered tokens with {@link TokenService#forget} once the transaction committed.
     */
    public AccountStatus changeStatus(DSLContext tx, UUID userId, AccountStatus status) {
        UsersRecord user = lockUser(tx, userId).orElseThrow(() -> DomainException.notFound("The user"));
        AccountStatus before = user.getStatus();
        if (before != status) {
            tx.update(USERS)
                    .set(USERS.STATUS, status)
                    .where(USERS.ID.eq(userId))
                    .execute();
            log.info("event=account_status_changed user={} from={} to={}", userId, before, status);
        }
        return before;
    }

    public void logout(String tokenHash) {
        tokens.revoke(tokenHash);
    }

    public UserView me(UUID userId) {
        return view(dsl, userId, ownAddress());
    }

    /** The user, with the referral link on the public URL, else on the address the request came to. */
    public UserView me(UUID userId, URI requestBase) {
        return view(dsl, userId, requestBase);
    }

    private URI ownAddress() {
        return URI.create("http://127.0.0.1:" + config.port());
    }

    /** Creates the configured first admin, or promotes an existing account with that email. */
    public void ensureAdmin(ServerConfig.AdminSettings admin) {
        String email;
        try {
            email = Credentials.email(admin.email());
            Credentials.password(admin.password(), email);
        } catch (DomainException e) {
            String setting = "invalid_email".equals(e.code()) ? "PIXFINO_ADMIN_EMAIL" : "PIXFINO_ADMIN_PASSWORD";
            throw new ConfigException(setting + " is not usable: " + e.getMessage());
        }
        UsersRecord existing =
                dsl.selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOne();
        if (existing != null) {
            if (existing.getRole() != Role.ADMIN || existing.getEmailVerifiedAt() == null) {
                // the operator named this address: it counts as verified
                dsl.update(USERS)
                        .set(USERS.ROLE, Role.ADMIN)
                        .set(USERS.EMAIL_VERIFIED_AT, DSL.coalesce(USERS.EMAIL_VERIFIED_AT, OffsetDateTime.now(clock)))
                        .where(USERS.ID.eq(existing.getId()))
                        .execute();
                log.info(
                        "event={} user={}",
                        existing.getRole() == Role.ADMIN ? "admin_email_verified" : "admin_promoted",
                        existing.getId());
            }
            return;
        }
        String hash = hasher.hash(admin.password());
        dsl.transaction(cfg -> {
            UUID id = createUser(DSL.using(cfg), email, "Administrator", hash, Role.ADMIN);
            log.info("event=admin_created user={}", id);
        });
    }

    private UUID createUser(DSLContext tx, String email, String name, String passwordHash, Role role) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        tx.insertInto(USERS)
                .set(USERS.ID, id)
                .set(USERS.EMAIL, email)
                .set(USERS.NAME, name)
                .set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role)
                .set(USERS.TIER, Tier.FREE)
                .set(USERS.CREDITS, 0)
                .set(USERS.STATUS, AccountStatus.ACTIVE)
                .set(USERS.CREATED_AT, now)
                // the configured admin's address is the operator's word; everyone else verifies by mail
                .set(USERS.EMAIL_VERIFIED_AT, role == Role.ADMIN ? now : null)
                .set(USERS.REFERRAL_CODE, referrals.newCode(tx))
                .execute();
        int welcome = config.monthlyCredits(Tier.FREE);
        if (welcome > 0) {
            // one row either way: the launch promo doubles it for accounts created inside its window
            boolean promo = settings.current(tx).launchPromoCovers(now.toInstant());
            ledger.apply(
                    tx,
                    id,
                    promo ? welcome * 2 : welcome,
                    LedgerKind.GRANT,
                    promo ? "Free tier monthly credits, doubled by the launch promo" : "Free tier monthly credits",
                    "tier:FREE");
        }
        return id;
    }

    private UserView view(DSLContext ctx, UUID id, URI requestBase) {
        UsersRecord user = UserRows.existing(ctx, id);
        return new UserView(
                user.getId(),
                user.getEmail(),
                user.getName(),
                user.getRole(),
                user.getTier(),
                user.getCredits(),
                billing.liveSubscription(ctx, id).orElse(null),
                user.getCredits() < config.billing().lowCreditThreshold(),
                user.getEmailVerifiedAt() != null,
                user.getReferralCode(),
                referrals.link(user.getReferralCode(), requestBase),
                EmailChange.pending(ctx, id, clock).orElse(null));
    }
}
