package com.pixfino.studio.testsupport;

import com.pixfino.studio.concurrent.FxTaskExecutor;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.generate.KnownPresets;
import com.pixfino.studio.core.generate.PendingGenerations;
import com.pixfino.studio.core.net.CompanionJson;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.styles.RecentPrompts;
import com.pixfino.studio.core.styles.StyleLibrary;
import com.pixfino.studio.create.CreateViewModel;
import com.pixfino.studio.create.PresetBrowserViewModel;
import com.pixfino.studio.queue.Backoff;
import com.pixfino.studio.queue.WaitingGenerations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/**
 * What the Create and Queue screens stand on, over a {@link SessionFixture}: the requests made offline (kept in the
 * test's folder, as the studio keeps them in its data folder), the presets, and Create itself. Close it after the test.
 */
public final class CreateFixture implements AutoCloseable {

    /** The ids of the generations the server queued, in the order Create and the waiting list reported them. */
    public final List<UUID> queued = new CopyOnWriteArrayList<>();

    public final SessionFixture session;
    public final PendingGenerations pending;
    public final WaitingGenerations waiting;
    private final SessionFixture fixture;
    private final Path dir;
    private final FxTaskExecutor viewTasks;

    public CreateFixture(SessionFixture fixture, Path dir) throws Exception {
        this(fixture, dir, null);
    }

    private CreateFixture(SessionFixture fixture, Path dir, FxTaskExecutor viewTasks) throws Exception {
        this.fixture = fixture;
        this.session = fixture;
        this.dir = dir;
        this.viewTasks = viewTasks;
        pending = PendingGenerations.open(dir.resolve("pending.db"), photos(), UiThreadGuard.NONE);
        waiting = new WaitingGenerations(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                pending,
                fixture.messages,
                queued::add,
                Backoff.DEFAULT,
                Clock.systemUTC());
    }

    /**
     * For a test that shows a view in TestFX's window: a session of its own whose work runs on background threads named
     * after {@code name} and lands on the FX thread, as in the studio. {@link #close} also stops those threads and
     * hides the window.
     */
    public static CreateFixture showingViews(Path dir, String name) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxTaskExecutor tasks = new FxTaskExecutor(name, 2);
        return new CreateFixture(new SessionFixture(dir, tasks), dir, tasks);
    }

    /** TestFX's window, where a test that shows views shows them. */
    public Stage stage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    /** Where the photos of the requests made offline are kept. */
    public Path photos() {
        return dir.resolve("pending-photos");
    }

    /** The preset browser, keeping the catalog each server sent in the test's folder. */
    public PresetBrowserViewModel presets() {
        return new PresetBrowserViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                fixture.messages,
                new KnownPresets(dir.resolve("presets.json"), CompanionJson.mapper(), UiThreadGuard.NONE));
    }

    /** Create over {@code presets} and the waiting list; {@code showPlans} is run where Create offers the plans. */
    public CreateViewModel create(PresetBrowserViewModel presets, Runnable showPlans) {
        return create(presets, showPlans, null, null);
    }

    /**
     * As {@link #create}, with the saved styles and the recent prompts kept in the test's folder: another one made over
     * the same folder is what the studio sees after a restart.
     */
    public CreateViewModel createWithLibrary(PresetBrowserViewModel presets, Runnable showPlans) {
        return create(presets, showPlans, dir.resolve("styles.json"), dir.resolve("recent-prompts.json"));
    }

    private CreateViewModel create(PresetBrowserViewModel presets, Runnable showPlans, Path styles, Path prompts) {
        return new CreateViewModel(
                fixture.tasks,
                fixture.session,
                fixture.sessions,
                new PhotoCheck(UiThreadGuard.NONE),
                presets,
                waiting,
                fixture.messages,
                queued::add,
                showPlans,
                new StyleLibrary(styles, CompanionJson.mapper(), UiThreadGuard.NONE),
                new RecentPrompts(prompts, CompanionJson.mapper(), UiThreadGuard.NONE));
    }

    @Override
    public void close() {
        if (viewTasks != null) {
            try {
                FxToolkit.setupStage(Stage::hide);
            } catch (TimeoutException e) {
                throw new IllegalStateException("the test window did not hide", e);
            }
            viewTasks.close();
        }
        pending.close();
    }
}
