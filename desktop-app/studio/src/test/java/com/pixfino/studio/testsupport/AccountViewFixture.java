package com.pixfino.studio.testsupport;

import com.pixfino.studio.account.AccountView;
import com.pixfino.studio.account.AccountViewModel;
import com.pixfino.studio.account.SecurityViewModel;
import com.pixfino.studio.account.StorageViewModel;
import com.pixfino.studio.apikeys.ApiKeysViewModel;
import com.pixfino.studio.billing.PlansViewModel;
import com.pixfino.studio.core.settings.OriginalsCache;
import com.pixfino.studio.rewards.RewardsViewModel;
import com.pixfino.studio.webhooks.WebhooksViewModel;
import java.time.Clock;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.Scene;

/**
 * The account screen over a {@link SessionFixture}, put together as the studio does it. A test replaces the view models
 * it looks at and gets plain ones for the rest; "Sign-in &amp; email" and "Invite &amp; redeem" are left out unless
 * given.
 */
public final class AccountViewFixture {

    public AccountViewModel account;
    public PlansViewModel plans;
    public ApiKeysViewModel keys;
    public WebhooksViewModel hooks;
    public StorageViewModel storage;
    public SecurityViewModel security;
    public RewardsViewModel rewards;
    private final SessionFixture fixture;

    public AccountViewFixture(SessionFixture fixture) {
        this.fixture = fixture;
        account = new AccountViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, owner -> {}, Clock.systemUTC());
        plans = new PlansViewModel(
                fixture.tasks, fixture.session, fixture.sessions, fixture.messages, url -> {}, PlansViewModel.PATIENCE);
        keys = new ApiKeysViewModel(fixture.tasks, fixture.session, fixture.sessions, fixture.messages);
        hooks = new WebhooksViewModel(fixture.tasks, fixture.session, fixture.sessions, fixture.messages);
        storage = new StorageViewModel(
                fixture.tasks,
                new InMemoryLibrary(),
                new SimpleLongProperty(OriginalsCache.DEFAULT_CAP_BYTES),
                fixture.messages);
    }

    /** The screen in a 1090×740 scene: the room it gets beside the navigation in a 1280 px window. */
    public Scene scene() {
        return StudioScene.of(
                new AccountView(account, plans, keys, hooks, storage, security, rewards, fixture.messages), 1090, 740);
    }
}
