package com.pixfino.studio.admin;

import com.pixfino.server.testsupport.TestServer;
import com.pixfino.studio.testsupport.StudioHarness;
import javafx.scene.input.KeyCode;

/** Signs the server's first administrator in through the sign-in screen, as an operator would. */
public final class AdminSignIn {

    private AdminSignIn() {}

    public static void signIn(StudioHarness studio) {
        studio.await(
                "the server to answer", () -> studio.text("connection-status").startsWith("Connected"));
        studio.type("signin-email", TestServer.ADMIN_EMAIL);
        studio.type("signin-password", TestServer.ADMIN_PASSWORD);
        studio.robot().type(KeyCode.ENTER);
        studio.awaitShowing("shell");
    }
}
