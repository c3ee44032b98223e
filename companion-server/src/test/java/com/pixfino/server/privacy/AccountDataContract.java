package com.pixfino.server.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pixfino.model.GenerationStatus;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Export and deletion of an account, end to end over HTTP, on whichever storage a subclass gives the server:
 * every table's rows and every file come out in the zip, and deletion leaves no row or file of the user while
 * the credit ledger still adds up.
 */
abstract class AccountDataContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient HTTP =
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private static final String PASSWORD = "correct-Horse-7";

    /** The server under test, started by the subclass on its storage. */
    protected abstract TestServer server();

    /** The keys of every stored file of the user (uploads and generations). */
    protected abstract List<String> storedKeysOf(UUID userId);

    private Studio studio() {
        return new Studio(server());
    }

    private DSLContext db() {
        return server().app().database().dsl();
    }

    /** A user with a photo, a finished result and a canceled (refunded) generation. */
    private record Account(
            ApiClient client, UUID id, String email, String uploadId, String completedId, String canceledId) {}

    private Account account(Studio studio) {
        ApiClient user = studio.userWithCredits(20);
        JsonNode me = user.get("/api/v1/me").json();
        String upload = Studio.upload(user);
        long preset = studio.presetId("linkedin-headshot");
        String completed = Studio.create(user, preset, upload, "smiling", null)
                .json()
                .get("id")
                .asText();
        assertThat(Studio.awaitFinal(user, completed, Duration.ofSeconds(30)).status())
                .isEqualTo(GenerationStatus.COMPLETED);
        assertThat(user.post("/api/v1/generations/" + completed + "/report", Map.of("reason", "Not quite me"))
                        .status())
                .as("a moderation flag of the user's")
                .isEqualTo(201);
        assertThat(user.method(
                                "PUT",
                                "/api/v1/me/notifications",
                                "{\"lowCredits\":false,\"receipts\":true,\"weeklyDigest\":true}")
                        .status())
                .as("notification preferences of the user's")
                .isEqualTo(200);
        String canceled = Studio.create(user, preset, upload, "forever", null)
                .json()
                .get("id")
                .asText();
        assertThat(user.post("/api/v1/generations/" + canceled + "/cancel", Map.of())
                        .status())
                .isEqualTo(200);
        return new Account(
                user, UUID.fromString(me.get("id").asText()), me.get("email").asText(), upload, completed, canceled);
    }

    @Test
    void theExportIsAStreamedZipOfEveryTableAndEveryFile() throws IOException {
        Studio studio = studio();
        Account account = account(studio);
        Account stranger = account(studio);

        // the library: a favourite with tags, in a collection
        assertThat(account.client()
                        .method(
                                "PATCH",
                                "/api/v1/generations/" + account.completedId(),
                                "{\"favorite\":true,\"addTags\":[\"Keep\"]}")
                        .status())
                .isEqualTo(200);
        String collection = account.client()
                .postRaw("/api/v1/collections", "{\"name\":\"Best\"}")
                .json()
                .get("id")
                .asText();
        account.client()
                .postRaw(
                        "/api/v1/collections/" + collection + "/items",
                        "{\"add\":[\"" + account.completedId() + "\"]}");

        Map<String, byte[]> zip = new LinkedHashMap<>();
        try (Response response = HTTP.newCall(
                        account.client().request("/api/v1/me/export").get().build())
                .execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/zip");
            assertThat(response.header("Content-Disposition"))
                    .matches("attachment; filename=\"pixfino-data-\\d{4}-\\d{2}-\\d{2}\\.zip\"");
            assertThat(response.header("Content-Length"))
                    .as("streamed, not built first")
                    .isNull();
            try (ZipInputStream in = new ZipInputStream(response.body().byteStream())) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    zip.put(entry.getName(), in.readAllBytes());
                }
            }
        }

        assertThat(zip.keySet()).contains("README.txt");
        for (UserDataTable table : UserDataTable.values()) {
            assertThat(zip).as(table + " is in the export").containsKey(table.exportEntry());
        }
        JsonNode profile = JSON.readTree(zip.get("profile.json"));
        assertThat(profile.get("email").asText()).isEqualTo(account.email());
        assertThat(profile.has("passwordHash")).isFalse();
        JsonNode ledger = JSON.readTree(zip.get("ledger.json"));
        int sum = 0;
        for (JsonNode row : ledger) {
            sum += row.get("amount").asInt();
        }
        assertThat(sum).isEqualTo(Studio.credits(account.client()));
        assertThat(ledger).extracting(row -> row.get("kind").asText()).contains("GRANT", "DEBIT", "REFUND");
        JsonNode sessions = JSON.readTree(zip.get("sessions.json"));
        assertThat(sessions.size()).isGreaterThanOrEqualTo(1);
        assertThat(new String(zip.get("sessions.json")))
                .doesNotContain(account.client().token())
                .doesNotContain("pxt_");

        JsonNode uploads = JSON.readTree(zip.get("uploads.json"));
        assertThat(uploads).hasSize(1);
        assertThat(uploads.get(0).get("id").asText()).isEqualTo(account.uploadId());
        assertThat(zip.get(uploads.get(0).get("file").asText())).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(zip).containsKey(uploads.get(0).get("thumbnailFile").asText());

        JsonNode generations = JSON.readTree(zip.get("generations.json"));
        assertThat(generations)
                .extracting(g -> g.get("id").asText())
                .containsExactlyInAnyOrder(account.completedId(), account.canceledId());
        JsonNode completed = find(generations, account.completedId());
        assertThat(completed.get("preset").asText()).isEqualTo("linkedin-headshot");
        assertThat(completed.get("favorite").asBoolean()).isTrue();
        assertThat(completed.get("tags").toString()).isEqualTo("[\"Keep\"]");
        JsonNode collections = JSON.readTree(zip.get("collections.json"));
        assertThat(collections).singleElement().satisfies(c -> {
            assertThat(c.get("name").asText()).isEqualTo("Best");
            assertThat(c.get("generationIds").toString()).contains(account.completedId());
        });
        assertThat(zip.get(completed.get("file").asText()))
                .isEqualTo(account.client()
                        .get("/api/v1/generations/" + account.completedId() + "/output")
                        .bytes());
        assertThat(find(generations, account.canceledId()).get("status").asText())
                .isEqualTo("CANCELED");
        assertThat(zip).doesNotContainKey("missing-files.txt");
        assertThat(JSON.readTree(zip.get("moderation-flags.json")))
                .singleElement()
                .satisfies(flag -> {
                    assertThat(flag.get("source").asText()).isEqualTo("report");
                    assertThat(flag.get("generationId").asText()).isEqualTo(account.completedId());
                    assertThat(flag.get("reason").asText()).isEqualTo("Not quite me");
                });

        assertThat(JSON.readTree(zip.get("notification-preferences.json")))
                .singleElement()
                .satisfies(preferences -> {
                    assertThat(preferences.get("lowCredits").asBoolean()).isFalse();
                    assertThat(preferences.get("weeklyDigest").asBoolean()).isTrue();
                });

        String everything = new String(zip.get("uploads.json"))
                + new String(zip.get("generations.json"))
                + new String(zip.get("ledger.json"));
        assertThat(everything)
                .as("nothing of another user")
                .doesNotContain(stranger.uploadId())
                .doesNotContain(stranger.completedId());
    }

    @Test
    void deletingNeedsTheAccountsPasswordAndAWrongOneChangesNothing() {
        Account account = account(studio());

        ApiClient.Answer wrong =
                account.client().method("DELETE", "/api/v1/me", "{\"password\":\"not-my-Password-1\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.errorCode()).isEqualTo("wrong_password");
        assertThat(wrong.json().path("error").path("message").asText())
                .contains("password is wrong")
                .contains("nothing was deleted");
        ApiClient.Answer missing = account.client().method("DELETE", "/api/v1/me", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(account.client().method("DELETE", "/api/v1/me", null).status())
                .isEqualTo(400);

        assertThat(account.client().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(account.client()
                        .get("/api/v1/generations/" + account.completedId())
                        .status())
                .isEqualTo(200);
        assertThat(storedKeysOf(account.id())).isNotEmpty();
    }

    @Test
    void deletingRemovesEveryRowAndFileOfTheUserWhileTheLedgerStillAddsUp() {
        Studio studio = studio();
        Account account = account(studio);
        Account bystander = account(studio);
        String running = Studio.create(
                        account.client(), studio.presetId("linkedin-headshot"), account.uploadId(), "forever", null)
                .json()
                .get("id")
                .asText();
        assertThat(storedKeysOf(account.id())).hasSizeGreaterThanOrEqualTo(4);
        int balanceBefore = Studio.credits(account.client());
        int runningCost = account.client()
                .get("/api/v1/generations/" + running)
                .json()
                .get("creditsCharged")
                .asInt();

        ApiClient.Answer deleted =
                account.client().method("DELETE", "/api/v1/me", "{\"password\":\"" + PASSWORD + "\"}");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(account.client().get("/api/v1/me").status())
                .as("its tokens are gone")
                .isEqualTo(401);
        assertThat(server().client()
                        .post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(UserReferences.rowsOf(db(), account.id()))
                .as("rows still pointing at the user")
                .isEmpty();
        assertThat(storedKeysOf(account.id())).as("files left in storage").isEmpty();

        UUID tombstone = db().fetchOne(
                        "SELECT DISTINCT tombstone_id FROM credit_ledger WHERE reference = ?", "generation:" + running)
                .get(0, UUID.class);
        assertThat(tombstone).as("the ledger rows stay, under a tombstone").isNotNull();
        assertThat(db().fetchOne(
                                "SELECT count(*) FROM credit_ledger WHERE reference = ? AND kind = 'REFUND'",
                                "generation:" + running)
                        .get(0, Integer.class))
                .as("the running generation was canceled and refunded first")
                .isEqualTo(1);
        assertThat(db().fetchOne("SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE tombstone_id = ?", tombstone)
                        .get(0, Integer.class))
                .as("the deleted account's books close at zero")
                .isZero();
        assertThat(db().fetchOne("SELECT credits_written_off FROM account_tombstones WHERE id = ?", tombstone)
                        .get(0, Integer.class))
                .as("the balance after the refund")
                .isEqualTo(balanceBefore + runningCost);
        assertThat(db().fetchOne(
                                "SELECT (SELECT coalesce(sum(amount), 0) FROM credit_ledger) = (SELECT coalesce(sum(credits), 0) FROM users)")
                        .get(0, Boolean.class))
                .as("all ledger rows still add up to all balances")
                .isTrue();

        assertThat(Studio.credits(bystander.client()))
                .isEqualTo(server().services().ledger().ledgerSum(bystander.id()));
        assertThat(bystander
                        .client()
                        .get("/api/v1/generations/" + bystander.completedId() + "/output")
                        .status())
                .isEqualTo(200);
        assertThat(storedKeysOf(bystander.id())).isNotEmpty();
        assertThat(server().client()
                        .post("/api/v1/auth/register", Map.of("email", account.email(), "password", PASSWORD))
                        .status())
                .as("the email is free again")
                .isEqualTo(201);
    }

    /** The export's entries by name, checked to be a 200 zip. */
    static Map<String, byte[]> exportOf(ApiClient client) throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        try (Response response =
                HTTP.newCall(client.request("/api/v1/me/export").get().build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            try (ZipInputStream in = new ZipInputStream(response.body().byteStream())) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    zip.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return zip;
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode item : array) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
