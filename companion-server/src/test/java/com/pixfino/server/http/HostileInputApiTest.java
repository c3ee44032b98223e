package com.pixfino.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.ApiPaths;
import com.pixfino.server.domain.PageCursor;
import com.pixfino.server.testsupport.ApiClient;
import com.pixfino.server.testsupport.ApiClient.Answer;
import com.pixfino.server.testsupport.RawHttp;
import com.pixfino.server.testsupport.ServerExtension;
import com.pixfino.server.testsupport.Studio;
import com.pixfino.server.testsupport.TestImages;
import com.pixfino.server.testsupport.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hostile client's findings, one regression each: bad input is a 4xx JSON error in our words, never a 500, HTML or a Java name. */
class HostileInputApiTest {

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension();

    static final Pattern INTERNALS = Pattern.compile("java\\.|com\\.pixfino|Exception|(?i:jackson)");
    private static final String SOME_ID = "3f1b7e2c-5c4e-4b8a-9d1e-6a2f0c9b7d41";

    private static ApiClient user;
    private static ApiClient admin;
    private static String userId;

    @BeforeAll
    static void signIn() {
        user = SERVER.client().registerNew();
        admin = SERVER.client().login(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        userId = user.get("/api/v1/me").json().get("id").asText();
    }

    static void assertRefused(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.errorCode()).isEqualTo(code);
        assertThat(answer.json().path("error").path("message").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContainPattern(INTERNALS);
        assertSecurityHeaders(
                answer.header("X-Content-Type-Options"),
                answer.header("X-Frame-Options"),
                answer.header("Content-Security-Policy"));
    }

    static void assertRefused(RawHttp.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().path("error").path("code").asText()).isEqualTo(code);
        assertThat(answer.body()).doesNotContainPattern(INTERNALS).doesNotContain("<");
        assertSecurityHeaders(
                answer.header("X-Content-Type-Options"),
                answer.header("X-Frame-Options"),
                answer.header("Content-Security-Policy"));
    }

    static void assertSecurityHeaders(String contentTypeOptions, String frameOptions, String contentSecurityPolicy) {
        assertThat(contentTypeOptions).isEqualTo("nosniff");
        assertThat(frameOptions).isEqualTo("DENY");
        assertThat(contentSecurityPolicy).contains("frame-ancestors 'none'");
    }

    // --- JSON bodies: our words, the field's name, never a Java type

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":[\"x\"],\"password\":\"correct-Horse-7\"}",
                        "invalid_field",
                        "email must be text."),
                Arguments.of(
                        "/api/v1/auth/login",
                        "{\"email\":1,\"password\":\"x\"}",
                        "invalid_field",
                        "email must be text."),
                Arguments.of(
                        "/api/v1/auth/register", "[1,2]", "malformed_json", "The request body must be a JSON object"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "\"text\"",
                        "malformed_json",
                        "The request body must be a JSON object"),
                Arguments.of(
                        "/api/v1/auth/register", "null", "malformed_json", "The request body must be a JSON object"),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":\"abc\",\"uploadId\":\"" + SOME_ID + "\"}",
                        "invalid_field",
                        "presetId must be a whole number."),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":1.5,\"uploadId\":\"" + SOME_ID + "\"}",
                        "invalid_field",
                        "presetId must be a whole number."),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":true}",
                        "invalid_field",
                        "presetId must be a whole number."),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":123456789012345678901234567890}",
                        "invalid_field",
                        "presetId is out of range"),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":1,\"uploadId\":\"x\"}",
                        "invalid_field",
                        "uploadId must be an id"),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":1,\"uploadId\":7}",
                        "invalid_field",
                        "uploadId must be an id"),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":1,\"uploadId\":\"" + SOME_ID + "\",\"prompt\":{}}",
                        "invalid_field",
                        "prompt must be text."),
                Arguments.of(
                        "/api/v1/generations",
                        "{\"presetId\":1,\"presetId\":2}",
                        "malformed_json",
                        "appears more than once"),
                Arguments.of("/api/v1/generations", "{\"presetId\":1} {}", "malformed_json", "not valid JSON"),
                Arguments.of("/api/v1/generations", "{\"presetId\":1", "malformed_json", "not valid JSON"),
                Arguments.of("/api/v1/generations", "[".repeat(5000), "malformed_json", "nests too deeply"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aBodyOfTheWrongShapeIsRefusedInOurWordsNamingTheField(String path, String body, String code, String message) {
        Answer answer = user.postRaw(path, body);
        assertRefused(answer, 400, code);
        assertThat(answer.json().path("error").path("message").asText()).contains(message);
    }

    @Test
    void aJsonBodyDeclaredAsAnotherFormatIsA415AndJsonWithOrWithoutACharsetIsRead() {
        byte[] login = ("{\"email\":\"" + TestServer.ADMIN_EMAIL + "\",\"password\":\"" + TestServer.ADMIN_PASSWORD
                        + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (String declared : List.of("text/plain", "application/x-www-form-urlencoded", "text/html; charset=utf-8")) {
            Answer refused = SERVER.client().send("POST", ApiPaths.LOGIN, ApiClient.body(login, declared), Map.of());
            assertRefused(refused, 415, "unsupported_media_type");
            assertThat(refused.json().at("/error/message").asText()).contains("application/json");
        }
        for (String declared : List.of("application/json", "application/json; charset=utf-8", "Application/JSON")) {
            Answer read = SERVER.client().send("POST", ApiPaths.LOGIN, ApiClient.body(login, declared), Map.of());
            assertThat(read.status()).as(declared + ": " + read.body()).isEqualTo(200);
        }
        Answer undeclared = SERVER.client().send("POST", ApiPaths.LOGIN, ApiClient.body(login, null), Map.of());
        assertThat(undeclared.status()).as(undeclared.body()).isEqualTo(200);
    }

    @Test
    void unknownFieldsAreRefusedNamingTheFieldAndTheOnesThatExist() {
        Answer answer = SERVER.client()
                .postRaw(
                        "/api/v1/auth/register",
                        "{\"email\":\"someone@example.com\",\"password\":\"correct-Horse-7\",\"nickname\":\"x\"}");
        assertRefused(answer, 400, "unknown_field");
        assertThat(answer.json().path("error").path("message").asText())
                .contains("'nickname'")
                .contains("email, name, password");
    }

    // --- text: one rule, before the database

    static Stream<Arguments> controlCharacters() {
        String password = "correct-Horse-7";
        return Stream.of(
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"a\\u0000b@example.com\",\"password\":\"" + password + "\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"nul-name@example.com\",\"password\":\"" + password
                                + "\",\"name\":\"Ann\\u0000\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"bell-name@example.com\",\"password\":\"" + password
                                + "\",\"name\":\"Ann\\u0007\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"c1-name@example.com\",\"password\":\"" + password + "\",\"name\":\"Ann\\u0085\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"nl-name@example.com\",\"password\":\"" + password
                                + "\",\"name\":\"Ann\\nSmith\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"half@example.com\",\"password\":\"" + password + "\",\"name\":\"\\ud800\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/register",
                        "{\"email\":\"a\\tb@example.com\",\"password\":\"" + password + "\"}",
                        "invalid_email"),
                Arguments.of(
                        "/api/v1/auth/login",
                        "{\"email\":\"a\\u0000b@example.com\",\"password\":\"" + password + "\"}",
                        "invalid_text"),
                Arguments.of(
                        "/api/v1/auth/login",
                        "{\"email\\u0000\":\"a@example.com\",\"password\":\"" + password + "\"}",
                        "invalid_text"));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void controlCharactersInAccountTextAreRefusedBeforeTheDatabase(String path, String body, String code) {
        assertRefused(SERVER.client().postRaw(path, body), 400, code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Goodwill\\u0000", "tab\\there", "two\\nlines", "\\u009b"})
    void controlCharactersInAnAdjustmentReasonAreRefused(String reason) {
        Answer answer = admin.postRaw(
                "/api/v1/admin/users/" + userId + "/credits", "{\"amount\":1,\"reason\":\"" + reason + "\"}");
        assertRefused(answer, 400, "invalid_text");
        assertThat(answer.json().path("error").path("message").asText()).startsWith("reason contains");
    }

    @Test
    void aPromptsLineBreaksAreFoldedAndItsNulIsRefused() {
        Studio studio = new Studio(SERVER.server());
        ApiClient rich = studio.userWithCredits(50);
        String upload = Studio.upload(rich);
        long preset = studio.presetId("linkedin-headshot");
        assertRefused(Studio.create(rich, preset, upload, "snow\u0000", null), 400, "invalid_text");
        Answer created = Studio.create(rich, preset, upload, "snow\nand\tice", null);
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().get("id").asText();
        assertThat(rich.get("/api/v1/generations/" + id).json().get("prompt").asText())
                .isEqualTo("snow and ice");
    }

    @Test
    void queryTextFollowsTheSameRule() {
        assertRefused(SERVER.client().get("/api/v1/presets?q=snow%00"), 400, "invalid_text");
        assertRefused(SERVER.client().get("/api/v1/presets?q=%1b%5b2J"), 400, "invalid_text");
        assertRefused(SERVER.client().get("/api/v1/presets?q=" + "a".repeat(201)), 400, "invalid_q");
        assertRefused(admin.get("/api/v1/admin/users?q=%00"), 400, "invalid_text");
        assertThat(SERVER.client().get("/api/v1/presets?q=snow").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/admin/users?q=pixfino").status()).isEqualTo(200);
    }

    // --- cursors

    static Stream<Arguments> forgedCursors() {
        String legacy = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("99999999999999:0:" + SOME_ID).getBytes(StandardCharsets.UTF_8));
        String legacyNegative = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("-99999999999999:0:" + SOME_ID).getBytes(StandardCharsets.UTF_8));
        Stream<String> cursors = Stream.of(
                legacy,
                legacyNegative,
                PageCursor.encode("99999999999999", "0", SOME_ID),
                PageCursor.encode("-99999999999999", "0", SOME_ID),
                PageCursor.encode("1700000000", "1000000000", SOME_ID),
                PageCursor.encode("1700000000", "-1", SOME_ID),
                PageCursor.encode("1700000000", "0", "1-1-1-1-1"),
                PageCursor.encode("-5"),
                PageCursor.encode("99999999999999999999"),
                PageCursor.encode("a\u0000b@example.com"),
                PageCursor.encode("1", "2", "3", "4"),
                "1." + "A".repeat(600),
                "2.MQ",
                "1.!!",
                "%00");
        return cursors.flatMap(
                cursor -> Stream.of("/api/v1/generations", "/api/v1/credits/ledger", "/api/v1/admin/users")
                        .map(path -> Arguments.of(path, cursor)));
    }

    @ParameterizedTest
    @MethodSource("forgedCursors")
    void aForgedCursorIs400OnEveryPagedList(String path, String cursor) {
        ApiClient caller = path.contains("/admin/") ? admin : user;
        String encoded = cursor.equals("%00") ? cursor : java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        assertRefused(caller.get(path + "?cursor=" + encoded), 400, "invalid_cursor");
    }

    @Test
    void theCursorsAListHandsOutStillPageThroughIt() {
        ApiClient owner = SERVER.client().registerNew();
        String ownerId = owner.get("/api/v1/me").json().get("id").asText();
        admin.post("/api/v1/admin/users/" + ownerId + "/credits", Map.of("amount", 1, "reason", "first"));
        admin.post("/api/v1/admin/users/" + ownerId + "/credits", Map.of("amount", 2, "reason", "second"));
        int seen = 0;
        String cursor = null;
        do {
            Answer page = owner.get("/api/v1/credits/ledger?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            seen += page.json().get("items").size();
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).isEqualTo(3);
    }

    // --- the admin adjustment: whole numbers only

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "\"3\"", "3.0", "true", "1e2", "\"\"", "[3]"})
    void anAdjustmentAmountMustBeAWholeNumber(String amount) {
        int before = Studio.credits(user);
        Answer answer = admin.postRaw(
                "/api/v1/admin/users/" + userId + "/credits", "{\"amount\":" + amount + ",\"reason\":\"test\"}");
        assertRefused(answer, 400, "invalid_field");
        assertThat(answer.json().path("error").path("message").asText()).isEqualTo("amount must be a whole number.");
        assertThat(Studio.credits(user)).isEqualTo(before);
    }

    @Test
    void aWholeAmountIsStoredAsSent() {
        Answer answer =
                admin.postRaw("/api/v1/admin/users/" + userId + "/credits", "{\"amount\":3,\"reason\":\"test\"}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("amount").asInt()).isEqualTo(3);
    }

    // --- multipart

    private static Answer uploadRaw(byte[] body, String contentType) {
        return user.send("POST", "/api/v1/uploads", ApiClient.body(body, contentType), Map.of());
    }

    @Test
    void aChunkedUploadOverTheLimitWithoutALengthIs413() {
        byte[] megabyte = new byte[1024 * 1024];
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("multipart/form-data; boundary=XX");
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(
                        "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                                .getBytes(StandardCharsets.ISO_8859_1));
                for (int i = 0; i < 21; i++) {
                    sink.write(megabyte);
                }
                sink.write("\r\n--XX--\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
        };
        assertRefused(user.send("POST", "/api/v1/uploads", chunked, Map.of()), 413, "file_too_large");
    }

    @Test
    void aBrokenMultipartBodyIs400() {
        byte[] jpeg = TestImages.jpeg(64, 64);
        String type = "multipart/form-data; boundary=XX";
        assertMalformedMultipart(
                "Content-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.jpg\"", jpeg, true);
        assertMalformedMultipart(
                "Content-Disposition: form-data; name=\"file\"; filename=\"ab.jpg\"\r\nX-Note: a\u0000b", jpeg, true);
        assertMalformedMultipart("Content-Disposition: form-data; name=\"file\"; filename=\"ab.jpg\"", jpeg, false);
        assertRefused(
                uploadRaw("no boundary at all".getBytes(StandardCharsets.UTF_8), type), 400, "malformed_multipart");
        assertRefused(
                uploadRaw(
                        RawHttp.multipart("Content-Disposition: form-data; name=\"file\"", jpeg, true),
                        "multipart/form-data"),
                400,
                "malformed_multipart");
        Answer fine = uploadRaw(
                RawHttp.multipart(
                        "Content-Disposition: form-data; name=\"file\"; filename=\"ok\t.jpg\"\r\nContent-Type: image/jpeg",
                        jpeg,
                        true),
                type);
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    private static void assertMalformedMultipart(String partHeaders, byte[] content, boolean terminated) {
        assertRefused(
                uploadRaw(RawHttp.multipart(partHeaders, content, terminated), "multipart/form-data; boundary=XX"),
                400,
                "malformed_multipart");
    }

    // --- requests Jetty refuses itself: JSON like ours, with the security headers

    @Test
    void jettysOwnRefusalsAreJsonErrors() {
        RawHttp raw = new RawHttp(SERVER.server().baseUrl());
        assertRefused(raw.get("/api/v1/pre\u0000sets"), 400, "bad_request");
        assertRefused(raw.get("/api/v1/presets%00"), 400, "bad_request");
        assertRefused(raw.get("/api/v1/%"), 400, "bad_request");
        assertRefused(raw.get("/api/v1/generations/%zz"), 400, "bad_request");
        assertRefused(raw.get("/../.."), 400, "bad_request");
        assertRefused(raw.get("/api/%2e%2e/%2e%2e/etc/passwd"), 400, "bad_request");
        assertRefused(raw.get("/api/v1/generations/" + "a".repeat(9000)), 414, "uri_too_long");
        assertRefused(
                raw.send("GET", "/health", "X-Padding: " + "a".repeat(20 * 1024) + "\r\n", null),
                431,
                "headers_too_large");
        assertRefused(raw.send("GET", "/health", "X-Note: a\u0000b\r\n", null), 400, "bad_request");
        assertRefused(raw.send("POST", "/api/v1/auth/login", "Content-Length: many\r\n", null), 400, "bad_request");
        assertThat(raw.get("/health").status()).isEqualTo(200);
    }

    @Test
    void aLongIdBelowJettysLimitIsAPlain404() {
        assertRefused(user.get("/api/v1/generations/" + "a".repeat(4000)), 404, "not_found");
    }

    // --- security headers on every kind of answer

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/api/v1/presets", "/health", "/openapi.json", "/swagger", "/nothing-here"}) {
            Answer answer = SERVER.client().get(path);
            assertSecurityHeaders(
                    answer.header("X-Content-Type-Options"),
                    answer.header("X-Frame-Options"),
                    answer.header("Content-Security-Policy"));
        }
        String asset = SERVER.client().get("/swagger").body().replaceAll("(?s).*?(/webjars/[^\"]+\\.css).*", "$1");
        Answer css = SERVER.client().get(asset);
        assertThat(css.status()).isEqualTo(200);
        assertSecurityHeaders(
                css.header("X-Content-Type-Options"),
                css.header("X-Frame-Options"),
                css.header("Content-Security-Policy"));

        String upload = Studio.upload(user);
        Answer thumbnail = user.get("/api/v1/uploads/" + upload + "/thumbnail");
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertSecurityHeaders(
                thumbnail.header("X-Content-Type-Options"),
                thumbnail.header("X-Frame-Options"),
                thumbnail.header("Content-Security-Policy"));
        assertThat(thumbnail.header("Cache-Control")).startsWith("private");

        try (Response events = new OkHttpClient()
                .newCall(user.request("/api/v1/events")
                        .header("Accept", "text/event-stream")
                        .build())
                .execute()) {
            assertThat(events.code()).isEqualTo(200);
            assertSecurityHeaders(
                    events.header("X-Content-Type-Options"),
                    events.header("X-Frame-Options"),
                    events.header("Content-Security-Policy"));
        }
    }
}
