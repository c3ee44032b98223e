package com.pixfino.studio.app;

import com.pixfino.studio.account.AccountScreen;
import com.pixfino.studio.account.AccountViewModel;
import com.pixfino.studio.account.SecurityViewModel;
import com.pixfino.studio.account.StorageViewModel;
import com.pixfino.studio.admin.audit.AuditScreen;
import com.pixfino.studio.admin.audit.AuditViewModel;
import com.pixfino.studio.admin.dashboard.DashboardScreen;
import com.pixfino.studio.admin.dashboard.DashboardViewModel;
import com.pixfino.studio.admin.growth.GrowthScreen;
import com.pixfino.studio.admin.growth.GrowthSettingsViewModel;
import com.pixfino.studio.admin.growth.PromoCodesViewModel;
import com.pixfino.studio.admin.moderation.BannedWordsViewModel;
import com.pixfino.studio.admin.moderation.ModerationScreen;
import com.pixfino.studio.admin.moderation.ModerationViewModel;
import com.pixfino.studio.admin.presets.PresetsScreen;
import com.pixfino.studio.admin.presets.PresetsViewModel;
import com.pixfino.studio.admin.users.UsersScreen;
import com.pixfino.studio.admin.users.UsersViewModel;
import com.pixfino.studio.apikeys.ApiKeysViewModel;
import com.pixfino.studio.batch.BatchScreen;
import com.pixfino.studio.batch.BatchViewModel;
import com.pixfino.studio.batch.EngineBatchRunner;
import com.pixfino.studio.billing.Browser;
import com.pixfino.studio.billing.CreditAlertBanner;
import com.pixfino.studio.billing.CreditAlertViewModel;
import com.pixfino.studio.billing.PlansViewModel;
import com.pixfino.studio.connection.ServerConnectionViewModel;
import com.pixfino.studio.core.account.AccountLifecycleClient;
import com.pixfino.studio.core.admin.AdminAccess;
import com.pixfino.studio.core.admin.AdminClient;
import com.pixfino.studio.core.admin.AdminClients;
import com.pixfino.studio.core.admin.DashboardTargets;
import com.pixfino.studio.core.concurrent.TaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.generate.KnownPresets;
import com.pixfino.studio.core.generate.PendingGenerations;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparer;
import com.pixfino.studio.core.presets.PresetPreviewCache;
import com.pixfino.studio.core.rewards.RewardsClient;
import com.pixfino.studio.core.settings.StudioPaths;
import com.pixfino.studio.create.CreateScreen;
import com.pixfino.studio.create.CreateViewModel;
import com.pixfino.studio.create.PresetBrowserViewModel;
import com.pixfino.studio.gallery.GalleryScreen;
import com.pixfino.studio.gallery.LibraryViewModel;
import com.pixfino.studio.gallery.ViewerViewModel;
import com.pixfino.studio.library.CurrentLibrary;
import com.pixfino.studio.library.LibraryConnector;
import com.pixfino.studio.queue.Backoff;
import com.pixfino.studio.queue.QueueScreen;
import com.pixfino.studio.queue.QueueViewModel;
import com.pixfino.studio.queue.WaitingGenerations;
import com.pixfino.studio.rewards.InviteViewModel;
import com.pixfino.studio.rewards.RedeemViewModel;
import com.pixfino.studio.rewards.RewardsViewModel;
import com.pixfino.studio.session.Session;
import com.pixfino.studio.session.SessionViewModel;
import com.pixfino.studio.session.SignInView;
import com.pixfino.studio.session.SignInViewModel;
import com.pixfino.studio.shell.HeaderView;
import com.pixfino.studio.shell.MainView;
import com.pixfino.studio.shell.NavigationBar;
import com.pixfino.studio.shell.ScreenRegistry;
import com.pixfino.studio.shell.ShellView;
import com.pixfino.studio.shell.ShellViewModel;
import com.pixfino.studio.theme.ThemeViewModel;
import com.pixfino.studio.webhooks.WebhooksViewModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import javafx.beans.property.LongProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;

/**
 * The signed-in features (create, queue, gallery, account with plans and credits) and the shell around them; part of
 * the composition root.
 */
final class Features implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final Messages messages;
    private final Session session;
    private final SessionViewModel sessions;
    private final ServerConnectionViewModel connection;
    private final GalleryCache cache;
    private final LibraryConnector library;
    private final QueueViewModel queue;
    private final PendingGenerations pending;
    private final WaitingGenerations waiting;
    private final AccountViewModel accountModel;
    private final AccountScreen account;
    private final CreditAlertViewModel creditAlert;
    private final BatchViewModel batch;
    private final ScreenRegistry screens;
    private final ShellViewModel shell;

    /**
     * Opens the gallery cache: blocking, call off the FX thread. {@code batchOutput}: the settings entry that remembers
     * a running batch's output folder, so the next start offers to resume it; {@code originalsCap}: the originals
     * cache's size cap, shown and changed on the account screen's "Storage"; {@code dashboardTargets}: the admin
     * dashboard's target lines.
     */
    Features(
            StudioPaths paths,
            UiThreadGuard guard,
            TaskExecutor tasks,
            Session session,
            SessionViewModel sessions,
            ServerConnectionViewModel connection,
            Messages messages,
            Browser browser,
            StringProperty batchOutput,
            LongProperty originalsCap,
            ObservableValue<DashboardTargets> dashboardTargets)
            throws IOException {
        this.messages = messages;
        this.session = session;
        this.sessions = sessions;
        this.connection = connection;
        cache = GalleryCache.open(paths.galleryDatabase(), paths.galleryFiles(), guard);
        // the synced library of the signed-in account, on the same file (issue 13); the gallery moves onto it
        library = new LibraryConnector(tasks, session, paths.galleryDatabase(), paths.galleryFiles(), guard);
        CurrentLibrary current = new CurrentLibrary(library.libraryProperty());
        LibraryViewModel gallery = new LibraryViewModel(tasks, current, messages);
        gallery.offlineProperty()
                .bind(session.signedInProperty().and(session.onlineProperty().not()));
        ViewerViewModel viewer = new ViewerViewModel(tasks, current, session, messages);
        // a finished job reaches the gallery through the change feed; asking for a sync makes that immediate
        queue = new QueueViewModel(
                tasks,
                session,
                sessions,
                messages,
                Clock.systemUTC(),
                finished -> library.requestSync(),
                Backoff.DEFAULT,
                POLL_INTERVAL);
        pending = PendingGenerations.open(paths.pendingGenerationsDatabase(), paths.pendingPhotos(), guard);
        waiting = new WaitingGenerations(
                tasks, session, sessions, pending, messages, queue::queued, Backoff.DEFAULT, Clock.systemUTC());
        PresetBrowserViewModel presets = new PresetBrowserViewModel(
                tasks,
                session,
                sessions,
                messages,
                new KnownPresets(paths.knownPresetsFile(), CompanionJson.mapper(), guard),
                new PresetPreviewCache(paths.presetPreviews(), guard));
        CreateViewModel create = new CreateViewModel(
                tasks,
                session,
                sessions,
                new PhotoCheck(guard),
                presets,
                waiting,
                messages,
                queue::queued,
                this::showPlans,
                new com.pixfino.studio.core.styles.StyleLibrary(paths.stylesFile(), CompanionJson.mapper(), guard),
                new com.pixfino.studio.core.styles.RecentPrompts(
                        paths.recentPromptsFile(), CompanionJson.mapper(), guard));
        accountModel =
                new AccountViewModel(tasks, session, sessions, messages, this::forgetOwner, Clock.systemDefaultZone());
        PlansViewModel plans = new PlansViewModel(tasks, session, sessions, messages, browser, PlansViewModel.PATIENCE);
        account = new AccountScreen(
                accountModel,
                plans,
                new ApiKeysViewModel(tasks, session, sessions, messages),
                new WebhooksViewModel(tasks, session, sessions, messages),
                new StorageViewModel(tasks, current, originalsCap, messages),
                new SecurityViewModel(tasks, session, sessions, messages, AccountLifecycleClient::of),
                new RewardsViewModel(
                        new InviteViewModel(tasks, session, sessions, RewardsClient::of, messages),
                        new RedeemViewModel(tasks, session, sessions, RewardsClient::of, messages)),
                messages);
        creditAlert = new CreditAlertViewModel(session, messages, this::showPlans);
        batch = new BatchViewModel(
                tasks,
                session,
                sessions,
                new EngineBatchRunner(session, new PhotoCheck(guard), new PhotoPreparer()),
                presets,
                messages,
                browser,
                batchOutput,
                this::showPlans);

        // admin mode, part A (issue 15): dashboard, users and audit log, shown to admins only
        AdminAccess admin = AdminClient::of;
        DashboardScreen adminDashboard = new DashboardScreen(
                new DashboardViewModel(
                        tasks, session, sessions, admin, messages, dashboardTargets, Clock.systemDefaultZone()),
                messages);
        UsersScreen adminUsers = new UsersScreen(
                new UsersViewModel(tasks, session, sessions, admin, messages, ZoneId.systemDefault()), messages);
        AuditScreen adminAudit = new AuditScreen(
                new AuditViewModel(tasks, session, sessions, admin, messages, ZoneId.systemDefault()), messages);

        // admin mode, part B (issue 15): presets and moderation, shown to administrators only
        PresetsScreen adminPresets = new PresetsScreen(
                new PresetsViewModel(tasks, session, sessions, messages, AdminClients::presets), messages);
        ModerationScreen adminModeration = new ModerationScreen(
                new ModerationViewModel(tasks, session, sessions, messages, AdminClients::moderation),
                new BannedWordsViewModel(tasks, session, sessions, messages, AdminClients::moderation),
                messages);

        // admin mode, issue 16: promo codes, referrals and the launch promo, shown to administrators only
        GrowthScreen adminGrowth = new GrowthScreen(
                new PromoCodesViewModel(
                        tasks,
                        session,
                        sessions,
                        messages,
                        AdminClients::growth,
                        Clock.systemUTC(),
                        ZoneId.systemDefault()),
                new GrowthSettingsViewModel(
                        tasks,
                        session,
                        sessions,
                        messages,
                        AdminClients::growth,
                        Clock.systemUTC(),
                        ZoneId.systemDefault()),
                messages,
                ZoneId.systemDefault());

        // The navigation, in this order; a new screen is its feature package plus one line here.
        CreateScreen createScreen = new CreateScreen(create, session, messages);
        screens = ScreenRegistry.builder()
                .register(createScreen)
                .register(new QueueScreen(queue, waiting, messages))
                .register(new GalleryScreen(
                        gallery, viewer, tasks, messages, item -> useAgain(item, viewer, create, createScreen)))
                .register(account)
                .register(new BatchScreen(batch, messages))
                .register(adminDashboard)
                .register(adminUsers)
                .register(adminPresets)
                .register(adminModeration)
                .register(adminAudit)
                .register(adminGrowth)
                .build();
        shell = new ShellViewModel(session, screens, connection::check, messages);
    }

    /**
     * "Use again": Create with the result's photo (by its upload id, with the viewer's preview of it), preset,
     * prompt, format, seed and style.
     */
    private void useAgain(GalleryItem item, ViewerViewModel viewer, CreateViewModel create, CreateScreen createScreen) {
        create.useAgain(viewer.pastSettings(item));
        shell.show(createScreen);
    }

    /** A deleted account: its cached gallery, and the requests (with photo copies) that waited for the server. */
    private void forgetOwner(String owner) throws IOException {
        cache.forgetOwner(owner);
        pending.forgetOwner(owner);
    }

    /** Every "Buy credits" and "See plans": the account screen, on "Plans & credits". */
    private void showPlans() {
        accountModel.showPlans();
        shell.show(account);
    }

    /** The signed-in account's synced library and its sync state. */
    LibraryConnector library() {
        return library;
    }

    ScreenRegistry screens() {
        return screens;
    }

    Parent createMainView(ThemeViewModel theme, SignInViewModel signIn) {
        return new MainView(
                new HeaderView(theme, messages),
                new SignInView(signIn, connection, messages),
                () -> new ShellView(
                        shell,
                        messages,
                        new HeaderView(theme, messages, shell, account, sessions::signOut),
                        new NavigationBar(shell, messages),
                        new CreditAlertBanner(creditAlert, messages)),
                session.signedInProperty());
    }

    @Override
    public void close() {
        batch.close(); // first: its threads end while the server connection is still there
        queue.stop();
        waiting.stop();
        library.close();
        cache.close();
        pending.close();
    }
}
