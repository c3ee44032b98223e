package com.pixfino.server.notifications;

import static com.pixfino.server.db.jooq.Tables.MAIL_OUTBOX;
import static com.pixfino.server.db.jooq.Tables.PRESETS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.pixfino.model.ApiPaths;
import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.NotificationPreferencesView;
import com.pixfino.model.api.UserView;
import com.pixfino.model.api.apikeys.CreatedApiKey;
import com.pixfino.model.api.billing.CheckoutView;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.MailServer;
import com.pixfino.server.testsupport.ReceivedMail;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import com.pixfino.server.testsupport.stripe.FakeStripe;
import com.pixfino.server.testsupport.stripe.StripeTestServer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notification preferences and the non-essential mails against one real server that sends through an in-process SMTP
 * server and bills through a fake Stripe: each test reads the real messages, their List-Unsubscribe headers, and
 * follows the unsubscribe link without signing in.
 */
class NotificationMailApiTest {

    private static final Pattern LINK = Pattern.compile("<(http[^>]+)>");

    private static MailServer mail;
    private static FakeStripe stripe;
    private static TestServer server;
    private static String webhook;
    private static Studio studio;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        mail = MailServer.onFreePort().start();
        stripe = new FakeStripe();
        server = TestServer.start(TestServer.freshConfig("notifications")
                .withBilling(StripeTestServer.billing(stripe))
                .withMail(mail.settings()));
        webhook = server.baseUrl() + ApiPaths.BILLING_WEBHOOK;
        stripe.webhookUrl(webhook);
        studio = new Studio(server);
        admin = server.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        stripe.close();
        mail.close();
    }

    @Test
    void preferencesDefaultToLowCreditsAndReceiptsOnAndAPutStoresAllThree() {
        ApiClient user = server.client().registerNew();
        assertThat(server.client().get(ApiPaths.ME_NOTIFICATIONS).status()).isEqualTo(401);
        Answer defaults = user.get(ApiPaths.ME_NOTIFICATIONS);
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().toString())
                .isEqualTo("{\"lowCredits\":true,\"receipts\":true,\"weeklyDigest\":false}");

        Answer put = user.method(
                "PUT", ApiPaths.ME_NOTIFICATIONS, "{\"lowCredits\":false,\"receipts\":true,\"weeklyDigest\":true}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.as(NotificationPreferencesView.class))
                .isEqualTo(new NotificationPreferencesView(false, true, true));
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .isEqualTo(new NotificationPreferencesView(false, true, true));

        Map<String, String> refused = Map.of(
                "{\"lowCredits\":true,\"receipts\":true}", "weeklyDigest",
                "{\"lowCredits\":true,\"receipts\":null,\"weeklyDigest\":true}", "receipts",
                "{\"lowCredits\":\"yes\",\"receipts\":true,\"weeklyDigest\":true}", "lowCredits",
                "{\"lowCredits\":1,\"receipts\":true,\"weeklyDigest\":true}", "lowCredits",
                "{\"lowCredits\":true,\"receipts\":true,\"weeklyDigest\":true,\"sms\":true}", "sms");
        refused.forEach((body, field) -> {
            Answer answer = user.method("PUT", ApiPaths.ME_NOTIFICATIONS, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().path("error").path("message").asText())
                    .as(body)
                    .contains(field);
        });
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .as("a refused PUT changes nothing")
                .isEqualTo(new NotificationPreferencesView(false, true, true));

        ApiClient verified = server.verifiedUser();
        CreatedApiKey key = verified.post(
                        ApiPaths.API_KEYS, Map.of("name", "script", "scopes", List.of("read", "generate")))
                .as(CreatedApiKey.class);
        ApiClient withKey = server.client().withToken(key.key());
        assertThat(withKey.get(ApiPaths.ME_NOTIFICATIONS).status()).isEqualTo(403);
        assertThat(withKey.method(
                                "PUT",
                                ApiPaths.ME_NOTIFICATIONS,
                                "{\"lowCredits\":false,\"receipts\":false,\"weeklyDigest\":false}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theLowCreditMailIsSentOncePerCrossingWhateverTakesTheBalanceDown() {
        int cost = studio.preset("linkedin-headshot").credits();
        int threshold = server.config().billing().lowCreditThreshold();
        ApiClient user = studio.userWithCredits(Math.max(threshold, cost));
        UUID id = Studio.userId(user);
        String email = emailOf(user);

        // a generation's one-statement debit crosses the threshold: one mail
        String generation = Studio.create(user, studio.presetId("linkedin-headshot"), Studio.upload(user), null, null)
                .json()
                .get("id")
                .asText();
        assertThat(Studio.awaitFinal(user, generation, Duration.ofSeconds(60)).status())
                .isEqualTo(GenerationStatus.COMPLETED);
        ReceivedMail first =
                awaitMails(email, "Your Pixfino credits are running low", 1).get(0);
        int balance = Studio.credits(user);
        assertThat(balance).isLessThan(threshold);
        assertThat(first.text())
                .contains("down to " + (balance == 1 ? "1 credit" : balance + " credits"))
                .contains("below " + threshold);
        assertThat(first.html()).contains("<strong>");
        assertOneClickHeaders(first);

        // further debits below the threshold: nothing more
        if (balance > 0) {
            adjust(id, -1);
        }
        flush();
        assertThat(mailsTo(email, "Your Pixfino credits are running low")).hasSize(1);

        // topped up to the threshold or above, then down again (an admin's adjustment): the second mail
        adjust(id, threshold + 10 - Studio.credits(user));
        flush();
        assertThat(mailsTo(email, "Your Pixfino credits are running low")).hasSize(1);
        adjust(id, -(Studio.credits(user) - (threshold - 2)));
        ReceivedMail second =
                awaitMails(email, "Your Pixfino credits are running low", 2).get(1);
        assertThat(second.text()).contains("down to " + (threshold - 2) + " credits");
        flush();
        assertThat(mailsTo(email, "Your Pixfino credits are running low")).hasSize(2);
        assertThat(db().fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.USER_ID.eq(id).and(MAIL_OUTBOX.KIND.eq("low_credits"))))
                .isEqualTo(2);
        assertThat(server.services().ledger().ledgerSum(id)).isEqualTo(Studio.credits(user));
    }

    @Test
    void anUnverifiedAddressOrATurnedOffPreferenceGetsNoLowCreditMail() {
        int threshold = server.config().billing().lowCreditThreshold();
        ApiClient unverified = server.client().registerNew();
        ApiClient turnedOff = studio.userWithCredits(threshold);
        assertThat(turnedOff
                        .method(
                                "PUT",
                                ApiPaths.ME_NOTIFICATIONS,
                                "{\"lowCredits\":false,\"receipts\":true,\"weeklyDigest\":false}")
                        .status())
                .isEqualTo(200);
        for (ApiClient user : List.of(unverified, turnedOff)) {
            UUID id = Studio.userId(user);
            adjust(id, threshold + 5 - Studio.credits(user));
            adjust(id, -6);
        }
        flush();
        for (ApiClient user : List.of(unverified, turnedOff)) {
            assertThat(queued(user, "low_credits")).isZero();
        }
    }

    @Test
    void theUnsubscribeLinkShowsAButtonOnOpenAndTurnsTheMailOffOnPostWithoutSigningIn() {
        int threshold = server.config().billing().lowCreditThreshold();
        ApiClient user = studio.userWithCredits(threshold);
        UUID id = Studio.userId(user);
        String email = emailOf(user);
        adjust(id, -1);
        ReceivedMail reminder =
                awaitMails(email, "Your Pixfino credits are running low", 1).get(0);
        String link = oneClickLink(reminder);
        assertThat(link).startsWith(server.baseUrl() + ApiPaths.UNSUBSCRIBE_PAGE + "?token=");
        assertThat(reminder.text()).contains(link);
        assertThat(reminder.html()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
        String path = server.pathOf(link);

        Answer page = server.client().get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body())
                .contains("low-credit reminders")
                .contains("<form method=\"post\" action=\"" + path + "\">")
                .contains("<button type=\"submit\">Unsubscribe</button>");
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .as("opening the link changes nothing")
                .isEqualTo(NotificationPreferencesView.DEFAULTS);

        // what a mail client sends for List-Unsubscribe-Post (RFC 8058): no token of the user, a form body
        Answer oneClick = server.client().postForm(path, Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.contentType()).startsWith("text/html");
        assertThat(oneClick.body()).contains("no more low-credit reminders");
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .isEqualTo(new NotificationPreferencesView(false, true, false));
        assertThat(server.client().postRaw(path, "").status())
                .as("again: the same")
                .isEqualTo(200);
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .isEqualTo(new NotificationPreferencesView(false, true, false));

        // the next crossing mails nothing
        adjust(id, threshold + 3 - Studio.credits(user));
        adjust(id, -4);
        flush();
        assertThat(mailsTo(email, "Your Pixfino credits are running low")).hasSize(1);

        String token = path.substring(path.indexOf("token=") + 6);
        String otherKind = token.replace("lowCredits", "receipts");
        String otherUser = UUID.randomUUID() + token.substring(36);
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
        for (String bad : List.of(
                "?token=" + otherKind,
                "?token=" + otherUser,
                "?token=" + flipped,
                "?token=nonsense",
                "?token=%3Cscript%3E",
                "")) {
            for (String method : List.of("GET", "POST")) {
                Answer refused = method.equals("GET")
                        ? server.client().get(ApiPaths.UNSUBSCRIBE_PAGE + bad)
                        : server.client()
                                .postForm(ApiPaths.UNSUBSCRIBE_PAGE + bad, Map.of("List-Unsubscribe", "One-Click"));
                assertThat(refused.status()).as(method + " " + bad).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("text/html");
                assertThat(refused.body())
                        .as(bad)
                        .contains("This link does not work")
                        .contains("nothing was changed")
                        .doesNotContain("<script>");
            }
        }
        assertThat(user.get(ApiPaths.ME_NOTIFICATIONS).as(NotificationPreferencesView.class))
                .as("a tampered token turned nothing off")
                .isEqualTo(new NotificationPreferencesView(false, true, false));
    }

    @Test
    void aPackPurchaseAndASubscriptionPaymentEachMailOneReceipt() {
        ApiClient user = server.verifiedUser();
        String email = emailOf(user);
        String pack = checkout(user, "pack-20");
        List<FakeStripe.StripeEvent> events = stripe.completeCheckout(pack);
        assertThat(deliver(events)).containsOnly(200);
        assertThat(deliver(events)).as("Stripe delivers again").containsOnly(200);
        ReceivedMail receipt = awaitMails(email, "Your Pixfino receipt: Credit pack pack-20", 1)
                .get(0);
        assertThat(receipt.text())
                .contains("Credit pack pack-20")
                .contains("20 credits")
                .contains("4.99 USD")
                .contains(String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear()));
        assertThat(receipt.html()).contains("<td>4.99 USD</td>");
        assertOneClickHeaders(receipt);

        String plan = checkout(user, "starter");
        assertThat(deliver(stripe.completeCheckout(plan))).containsOnly(200);
        ReceivedMail planReceipt =
                awaitMails(email, "Your Pixfino receipt: Starter plan", 1).get(0);
        assertThat(planReceipt.text()).contains("Starter plan").contains(" USD");
        assertOneClickHeaders(planReceipt);

        flush();
        assertThat(mailsTo(email, "Your Pixfino receipt")).hasSize(2);

        // turned off: the next purchase mails nothing
        String path = server.pathOf(oneClickLink(receipt));
        assertThat(server.client()
                        .postForm(path, Map.of("List-Unsubscribe", "One-Click"))
                        .status())
                .isEqualTo(200);
        assertThat(deliver(stripe.completeCheckout(checkout(user, "pack-50")))).containsOnly(200);
        flush();
        assertThat(mailsTo(email, "Your Pixfino receipt")).hasSize(2);
        assertThat(queued(user, "receipt")).isEqualTo(2);
    }

    @Test
    void theWeeklyDigestListsTheWeeksNewPresetsOncePerWeekToVerifiedReadersWhoWantIt() {
        ApiClient reader = server.verifiedUser();
        ApiClient unverified = server.client().registerNew();
        ApiClient notWanted = server.verifiedUser();
        for (ApiClient user : List.of(reader, unverified)) {
            assertThat(user.method(
                                    "PUT",
                                    ApiPaths.ME_NOTIFICATIONS,
                                    "{\"lowCredits\":true,\"receipts\":true,\"weeklyDigest\":true}")
                            .status())
                    .isEqualTo(200);
        }
        // a Monday far from today, so the seed presets and other tests' changes are not in its weeks
        LocalDate monday =
                LocalDate.of(2031, 3, 12).with(java.time.temporal.TemporalAdjusters.previous(DayOfWeek.MONDAY));
        OffsetDateTime sendTime = monday.atTime(9, 0).atOffset(ZoneOffset.UTC);
        activatedAt("linkedin-headshot", sendTime.minusDays(2));
        activatedAt("red-carpet", sendTime.minusDays(7).minusSeconds(1));
        activatedAt("cyberpunk", sendTime);
        WeeklyDigest digest = server.services().notifications().weeklyDigest();

        assertThat(digest.run(monday.minusWeeks(2)))
                .as("a week without new presets sends nothing")
                .isZero();
        assertThat(digest.run(monday)).isPositive();
        ReceivedMail mail1 = awaitMails(emailOf(reader), "A new style on Pixfino this week", 1)
                .get(0);
        assertThat(mail1.text())
                .contains(studio.preset("linkedin-headshot").name())
                .doesNotContain(studio.preset("red-carpet").name())
                .doesNotContain(studio.preset("cyberpunk").name());
        assertOneClickHeaders(mail1);
        assertThat(oneClickLink(mail1)).contains("weeklyDigest");

        assertThat(digest.run(monday)).as("never twice for the same week").isZero();
        assertThat(digest.run(monday.minusWeeks(1)))
                .as("nor for an earlier one")
                .isZero();
        assertThat(digest.run(monday.plusWeeks(1))).isPositive();
        ReceivedMail mail2 = awaitMails(emailOf(reader), "A new style on Pixfino this week", 2)
                .get(1);
        assertThat(mail2.text())
                .contains(studio.preset("cyberpunk").name())
                .doesNotContain(studio.preset("linkedin-headshot").name());
        flush();
        for (ApiClient user : List.of(unverified, notWanted)) {
            assertThat(queued(user, "weekly_digest")).isZero();
        }
        assertThat(mailsTo(emailOf(reader), "A new style on Pixfino this week")).hasSize(2);
    }

    @Test
    void theDigestRunsOnMondaysAt0900Utc() {
        var schedule = Schedules.cron(WeeklyDigest.SCHEDULE, ZoneOffset.UTC);
        assertThat(schedule.getInitialExecutionTime(Instant.parse("2026-11-25T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(schedule.getInitialExecutionTime(Instant.parse("2026-11-30T09:00:01Z")))
                .isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(WeeklyDigest.weekOf(OffsetDateTime.parse("2026-12-06T23:59:00Z")))
                .isEqualTo(LocalDate.parse("2026-11-30"));
    }

    // ---- helpers ----

    private static DSLContext db() {
        return server.app().database().dsl();
    }

    private static String emailOf(ApiClient user) {
        return user.get(ApiPaths.ME).as(UserView.class).email();
    }

    private static void adjust(UUID userId, int amount) {
        Answer answer = admin.post(
                ApiClient.path(ApiPaths.ADMIN_USER_CREDITS, userId), Map.of("amount", amount, "reason", "test"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private static void activatedAt(String slug, OffsetDateTime at) {
        db().update(PRESETS)
                .set(PRESETS.ACTIVATED_AT, at)
                .where(PRESETS.SLUG.eq(slug))
                .execute();
    }

    /** Runs the low-credit task and the mail sender once more, so anything still due has gone out. */
    private static void flush() {
        server.services().notifications().lowCredits().sendDue();
        server.services().mailSender().sendDue();
    }

    private static List<ReceivedMail> mailsTo(String email, String subjectStart) {
        return mail.to(email).stream()
                .filter(m -> m.subject().startsWith(subjectStart))
                .toList();
    }

    private static List<ReceivedMail> awaitMails(String email, String subjectStart, int count) {
        org.awaitility.Awaitility.await(subjectStart + " to " + email)
                .atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(email, subjectStart).size() >= count);
        return mailsTo(email, subjectStart);
    }

    private static void assertOneClickHeaders(ReceivedMail received) {
        assertThat(received.header("List-Unsubscribe"))
                .matches("<" + Pattern.quote(server.baseUrl()) + "/unsubscribe\\?token=[^>]+>");
        assertThat(received.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(received.contentType()).startsWith("multipart/alternative");
    }

    private static String oneClickLink(ReceivedMail received) {
        Matcher matcher = LINK.matcher(received.header("List-Unsubscribe"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String checkout(ApiClient user, String item) {
        Answer answer = user.post(ApiPaths.BILLING_CHECKOUT, Map.of("item", item));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.as(CheckoutView.class).sessionId();
    }

    private static List<Integer> deliver(List<FakeStripe.StripeEvent> events) {
        return events.stream().map(e -> FakeStripe.deliver(webhook, e)).toList();
    }

    /** How many mails of {@code kind} the outbox holds for the user, whatever their state. */
    private static int queued(ApiClient user, String kind) {
        return db().fetchCount(
                        MAIL_OUTBOX, MAIL_OUTBOX.USER_ID.eq(Studio.userId(user)).and(MAIL_OUTBOX.KIND.eq(kind)));
    }
}
