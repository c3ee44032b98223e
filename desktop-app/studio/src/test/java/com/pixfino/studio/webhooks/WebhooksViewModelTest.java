package com.pixfino.studio.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.pixfino.model.api.webhooks.WebhookView;
import com.pixfino.studio.testsupport.CurrentThreadTaskExecutor;
import com.pixfino.studio.testsupport.SessionFixture;
import com.pixfino.studio.ui.ActivityStatus.Tone;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhooks against the fake server: the secret shown once, delete only once confirmed, ping and deliveries. */
class WebhooksViewModelTest {

    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private SessionFixture fixture;
    private WebhooksViewModel hooks;

    @BeforeEach
    void setUp() {
        fixture = new SessionFixture(dir, tasks).signedIn();
        hooks = new WebhooksViewModel(tasks, fixture.session, fixture.sessions, fixture.messages);
    }

    @Test
    void anEndpointIsAddedWithItsSecretShownOnceThenPingedAndDeleted() {
        hooks.urlProperty().set("https://hooks.example.com/px");
        hooks.failedProperty().set(false);
        hooks.create();

        assertThat(hooks.newSecretProperty().get().secret()).startsWith("whsec_");
        WebhookView endpoint = hooks.endpoints().get(0);
        assertThat(endpoint.events()).containsExactly(WebhooksViewModel.COMPLETED);
        assertThat(hooks.state(endpoint)).isEqualTo("Active");
        hooks.leave();
        assertThat(hooks.newSecretProperty().get()).isNull();

        hooks.ping(endpoint);
        assertThat(hooks.shownDeliveriesProperty().get()).isEqualTo(endpoint);
        assertThat(hooks.deliveries()).singleElement().satisfies(d -> {
            assertThat(d.event()).isEqualTo("ping");
            assertThat(hooks.result(d)).isEqualTo("HTTP 200");
        });

        hooks.askDelete(endpoint);
        assertThat(fixture.api.webhookEndpoints).hasSize(1);
        hooks.confirmDelete();
        assertThat(fixture.api.webhookEndpoints).isEmpty();
        assertThat(hooks.endpoints()).isEmpty();
        assertThat(hooks.deliveries()).isEmpty();
    }

    @Test
    void aDisabledEndpointSaysWhyAndBadInputIsSaidInWords() {
        hooks.urlProperty().set("http://plain.example.com");
        hooks.create();
        assertThat(hooks.status().toneProperty().get()).isEqualTo(Tone.ERROR);
        assertThat(hooks.status().messageProperty().get()).contains("https://");
        assertThat(fixture.api.webhookEndpoints).isEmpty();

        hooks.urlProperty().set("https://hooks.example.com/px");
        hooks.completedProperty().set(false);
        hooks.failedProperty().set(false);
        hooks.create();
        assertThat(hooks.status().messageProperty().get()).isEqualTo("Choose at least one event to send.");

        hooks.completedProperty().set(true);
        hooks.create();
        fixture.api.disableWebhook(hooks.endpoints().get(0).id(), "It failed 50 times in a row.");
        hooks.refresh();
        assertThat(hooks.state(hooks.endpoints().get(0))).isEqualTo("Disabled: It failed 50 times in a row.");

        fixture.api.unreachable = true;
        hooks.ping(hooks.endpoints().get(0));
        assertThat(hooks.status().messageProperty().get())
                .startsWith("The test event was not sent:")
                .doesNotContain("Exception");
    }
}
