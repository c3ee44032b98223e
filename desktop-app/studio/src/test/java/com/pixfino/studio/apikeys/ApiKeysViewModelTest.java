package com.pixfino.studio.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.apikeys.ApiKeyScope;
import com.pixfino.model.api.apikeys.ApiKeyView;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "API access" against the fake server: a key shown once, a revoke only once confirmed, refusals in words. */
class ApiKeysViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private ApiKeysViewModel keys;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        keys = new ApiKeysViewModel(tasks, fixture.session, fixture.sessions, fixture.messages);
    }

    @Test
    void aNewKeyIsShownOnceAndForgottenOnLeaving() {
        keys.refresh();
        assertThat(keys.emptyNoticeProperty().get()).startsWith("No API keys yet");

        keys.nameProperty().set("  nightly batch ");
        keys.generateProperty().set(true);
        keys.create();

        assertThat(keys.newKeyProperty().get().key()).startsWith("pxf_");
        assertThat(keys.keys()).singleElement().satisfies(k -> {
            assertThat(k.name()).isEqualTo("nightly batch");
            assertThat(k.scopes()).containsExactly(ApiKeyScope.READ, ApiKeyScope.GENERATE);
        });
        assertThat(keys.scopes(keys.keys().get(0).scopes())).isEqualTo("Read, Generate");
        assertThat(keys.when(keys.keys().get(0).lastUsedAt())).isEqualTo("Never");
        assertThat(keys.prefix(keys.keys().get(0))).startsWith("pxf_").endsWith("\u2026");
        assertThat(keys.nameProperty().get()).isEmpty();
        assertThat(keys.emptyNoticeProperty().get()).isEmpty();

        keys.leave();
        keys.refresh();

        assertThat(keys.newKeyProperty().get()).isNull();
        assertThat(keys.keys()).hasSize(1);
    }

    @Test
    void revokingAsksFirstAndSendsNothingUntilConfirmed() {
        keys.nameProperty().set("ci");
        keys.create();
        ApiKeyView key = keys.keys().get(0);

        keys.askRevoke(key);
        assertThat(keys.pendingRevokeProperty().get()).isEqualTo(key);
        assertThat(fixture.api.apiKeys).hasSize(1);
        keys.cancelRevoke();
        assertThat(fixture.api.apiKeys).hasSize(1);

        keys.askRevoke(key);
        keys.confirmRevoke();

        assertThat(fixture.api.apiKeys).isEmpty();
        assertThat(keys.keys()).isEmpty();
        assertThat(keys.newKeyProperty().get()).isNull(); // the revoked key is not offered for copying any more
        assertThat(keys.pendingRevokeProperty().get()).isNull();
        assertThat(keys.status().messageProperty().get()).isEqualTo("Key \u201cci\u201d revoked.");
    }

    @Test
    void refusalsAndAnUnreachableServerAreSaidInWords() {
        keys.create();
        assertThat(keys.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(keys.status().messageProperty().get()).startsWith("Give the key a name first");

        for (int i = 0; i < 10; i++) {
            keys.nameProperty().set("key " + i);
            keys.create();
        }
        keys.nameProperty().set("one too many");
        keys.create();
        assertThat(keys.status().messageProperty().get())
                .isEqualTo("The key was not created: You have 10 active API keys: revoke one first.");
        assertThat(keys.newKeyProperty().get()).isNull();

        fixture.api.unreachable = true;
        keys.askRevoke(keys.keys().get(0));
        keys.confirmRevoke();
        assertThat(keys.status().messageProperty().get())
                .startsWith("\u201ckey 9\u201d was not revoked:")
                .doesNotContain("Exception");
        assertThat(keys.keys()).hasSize(10);
    }
}
