package com.pixfino.studio.core.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Issue 16's account routes still being built on the server side, as pinned in the contract: {@code GET/PUT
 * /api/v1/me/notifications} and {@code POST /api/v1/auth/email}, with their refusals; {@code GET /api/v1/me} shows
 * the pending address. Signed in as {@code tok-1} with password {@link #PASSWORD}.
 */
public final class FakeAccountRoutes extends Dispatcher {

    public static final String PASSWORD = "Sunset-Lake-42";
    private static final Set<String> PREFERENCES = Set.of("lowCredits", "receipts", "weeklyDigest");

    private final ObjectMapper json = new ObjectMapper();
    private boolean lowCredits = true;
    private boolean receipts = true;
    private boolean weeklyDigest = false;
    private String email = "ana@example.com";
    private String pendingEmail;

    /** Another account holds this address. */
    public String takenEmail = "taken@example.com";

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (!"Bearer tok-1".equals(request.getHeaders().get("Authorization"))) {
            return error(401, "unauthorized", "Sign in first.");
        }
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        try {
            if (path.equals("/api/v1/me/notifications") && method.equals("GET")) {
                return preferences();
            }
            if (path.equals("/api/v1/me/notifications") && method.equals("PUT")) {
                return putPreferences(json.readTree(request.getBody().utf8()));
            }
            if (path.equals("/api/v1/auth/email") && method.equals("POST")) {
                return changeEmail(json.readTree(request.getBody().utf8()));
            }
            if (path.equals("/api/v1/me") && method.equals("GET")) {
                return answer(
                        200,
                        json.createObjectNode()
                                .put("email", email)
                                .put("emailVerified", true)
                                .put("pendingEmail", pendingEmail)
                                .toString());
            }
        } catch (IOException e) {
            return error(400, "invalid_json", "The body is not JSON.");
        }
        return error(404, "not_found", "No such route.");
    }

    private MockResponse putPreferences(JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PREFERENCES.contains(name)) {
                return error(400, "invalid_field", "Unknown field '" + name + "'.");
            }
        }
        for (String name : PREFERENCES) {
            if (!body.path(name).isBoolean()) {
                return error(400, "invalid_field", "'" + name + "' must be true or false.");
            }
        }
        lowCredits = body.get("lowCredits").asBoolean();
        receipts = body.get("receipts").asBoolean();
        weeklyDigest = body.get("weeklyDigest").asBoolean();
        return preferences();
    }

    private MockResponse changeEmail(JsonNode body) {
        if (!PASSWORD.equals(body.path("currentPassword").asText())) {
            return error(403, "wrong_password", "The password is wrong.");
        }
        String address = body.path("newEmail").asText("").trim();
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return error(400, "invalid_email", "'" + address + "' is not a valid email address.");
        }
        if (address.equalsIgnoreCase(email)) {
            return error(400, "same_email", "That is your address already.");
        }
        if (address.equalsIgnoreCase(takenEmail)) {
            return error(409, "email_taken", "Another account uses this address.");
        }
        pendingEmail = address.toLowerCase(java.util.Locale.ROOT);
        return answer(
                202, json.createObjectNode().put("pendingEmail", pendingEmail).toString());
    }

    private MockResponse preferences() {
        return answer(
                200,
                json.createObjectNode()
                        .put("lowCredits", lowCredits)
                        .put("receipts", receipts)
                        .put("weeklyDigest", weeklyDigest)
                        .toString());
    }

    private static MockResponse error(int status, String code, String message) {
        return answer(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
