package com.pixfino.studio.testsupport;

import com.pixfino.studio.billing.Browser;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real companion server and the studio windows a test class opens on it. The server starts at its first use;
 * every studio and link a test opens through this is closed after that test, newest first, even when the test fails.
 * Register it on a static field:
 *
 * <pre>{@code @RegisterExtension static final RealStudio real = RealStudio.serverPerClass();}</pre>
 */
public final class RealStudio implements AfterEachCallback, AfterAllCallback {

    private final Supplier<RealCompanion> start;
    private final boolean serverPerTest;
    private final Deque<AutoCloseable> openedByTest = new ArrayDeque<>();
    private RealCompanion server;

    private RealStudio(Supplier<RealCompanion> start, boolean serverPerTest) {
        this.start = start;
        this.serverPerTest = serverPerTest;
    }

    /** One server, started as {@code start} says, for all the tests of the class; stopped after the class. */
    public static RealStudio serverPerClass(Supplier<RealCompanion> start) {
        return new RealStudio(start, false);
    }

    /** One plain server for all the tests of the class. */
    public static RealStudio serverPerClass() {
        return serverPerClass(RealCompanion::start);
    }

    /** A new server, started as {@code start} says, for each test (for tests that stop it); stopped after the test. */
    public static RealStudio serverPerTest(Supplier<RealCompanion> start) {
        return new RealStudio(start, true);
    }

    /** A new plain server for each test. */
    public static RealStudio serverPerTest() {
        return serverPerTest(RealCompanion::start);
    }

    /** The server, started now if it is not running yet. */
    public synchronized RealCompanion server() {
        if (server == null) {
            server = start.get();
        }
        return server;
    }

    /** A studio pointed at the server. */
    public StudioHarness open(Path home) throws Exception {
        return open(home, server().url());
    }

    /** A studio pointed at {@code serverUrl}: a {@link #link()} to the server, or the address of one that is down. */
    public StudioHarness open(Path home, String serverUrl) throws Exception {
        return closedAfterTest(StudioHarness.start(home, serverUrl));
    }

    /** A studio pointed at the server that hands the pages it opens (checkout, portal) to {@code browser}. */
    public StudioHarness open(Path home, Browser browser) throws Exception {
        return closedAfterTest(StudioHarness.start(home, server().url(), browser));
    }

    /** A link to the server that the test can cut and restore. */
    public SwitchableLink link() throws Exception {
        return closedAfterTest(SwitchableLink.to(server().url()));
    }

    /**
     * Creates an account named {@code name} with a new address in {@code studio}, has the operator bring its balance to
     * {@code credits}, and waits on the Create screen until the header shows it. Answers the address.
     */
    public String signUpWithCredits(StudioHarness studio, String name, String password, int credits) {
        String email = name.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
        studio.register(name, email, password);
        server().setBalance(email, password, credits);
        studio.click("nav-queue");
        studio.click("nav-create"); // showing Create again reads the balance the operator set
        String shown = credits + (credits == 1 ? " credit" : " credits");
        studio.await(
                "the balance set by the operator",
                () -> studio.text("header-balance").equals(shown));
        return email;
    }

    private <T extends AutoCloseable> T closedAfterTest(T resource) {
        openedByTest.push(resource);
        return resource;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception failure = null;
        while (!openedByTest.isEmpty()) {
            try {
                openedByTest.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (serverPerTest) {
            stopServer();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopServer();
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
