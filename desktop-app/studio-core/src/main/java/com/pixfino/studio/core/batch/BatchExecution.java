package com.pixfino.studio.core.batch;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.api.CreateGenerationRequest;
import com.pixfino.model.api.GenerationAccepted;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.concurrent.NamedThreads;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.net.CompanionApiException;
import com.pixfino.studio.core.net.CompanionHttpException;
import com.pixfino.studio.core.net.FailureMessages;
import com.pixfino.studio.core.photo.PhotoInfo;
import com.pixfino.studio.core.photo.PhotoPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a batch: {@code concurrency} workers each carry an item through prepare → upload (once per content hash)
 * → create → wait → download, writing every state to the manifest before acting on it. Pause holds items before they
 * start; stop sends nothing more and cancels what the server is working on; watch mode keeps looking for new files.
 */
final class BatchExecution implements BatchRun {

    private static final Logger LOG = LoggerFactory.getLogger(BatchExecution.class);

    private final CompanionApi api;
    private final PhotoPreparation preparation;
    private final Messages messages;
    private final FailureMessages failures;
    private final BatchRequest request;
    private final Path input;
    private final Path output;
    private final Path preparedDir;
    private final BatchManifest manifest;
    private final OutputLock outputLock;
    private final BatchListener listener;
    private final UUID batchId;
    private final Map<String, PresetView> presets;
    private final BatchTuning tuning;
    private final FolderScan scan;
    private final PatientCalls calls;

    private final Object lock = new Object();
    private final Map<String, ManifestItem> items = new LinkedHashMap<>();
    private final Map<String, PhotoInfo> photos = new ConcurrentHashMap<>();
    private final OutputClaims claims;
    private final CreditCap cap;
    private final Set<String> knownFiles = new HashSet<>();
    private final SettledFiles newFiles;
    private final ContentUploads uploads;
    private final ItemViews views;
    private final Throughput throughput = new Throughput(System.nanoTime());
    private final CountDownLatch ended = new CountDownLatch(1);

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final GenerationWatch watch;

    private BatchState state = BatchState.RUNNING;
    private String pauseReason;
    private boolean stopping;
    private boolean capReached;
    private boolean abandoned;
    private boolean over;
    private int pending;
    private BatchOutcome outcome;
    private BatchFailure failure;

    BatchExecution(
            CompanionApi api,
            PhotoPreparation preparation,
            Messages messages,
            BatchRequest request,
            BatchManifest manifest,
            OutputLock outputLock,
            UUID batchId,
            Map<String, PresetView> presets,
            BatchListener listener,
            BatchTuning tuning,
            FolderScan scan) {
        this.api = api;
        this.preparation = preparation;
        this.messages = messages;
        this.failures = new FailureMessages(messages);
        this.request = request;
        this.input = request.input().toAbsolutePath().normalize();
        this.output = request.output().toAbsolutePath().normalize();
        this.preparedDir = output.resolve(BatchManifest.FOLDER).resolve("prepared");
        this.manifest = manifest;
        this.outputLock = outputLock;
        this.batchId = batchId;
        this.presets = presets;
        this.listener = listener;
        this.tuning = tuning;
        this.scan = scan;
        this.calls = new PatientCalls(tuning, this::sleep);
        this.newFiles = new SettledFiles(tuning.settle());
        this.uploads = new ContentUploads(api, preparation, calls, manifest, messages, preparedDir);
        this.views = new ItemViews(messages, output);
        this.workers = NamedThreads.pool("batch-worker", Math.max(1, request.concurrency()));
        this.timer = NamedThreads.timer("batch-watch");
        this.watch = new GenerationWatch(
                api,
                timer,
                tuning.pollEvery(),
                tuning.networkBackoff().multipliedBy(1L << Math.min(10, tuning.networkRetries())),
                this::serverStatus);
        this.claims = new OutputClaims(request, output);
        this.cap = new CreditCap(request.maxCredits(), presets);
    }

    /** Takes over the manifest's items and the checked photos, and starts the workers. */
    void begin(List<ManifestItem> all, List<FolderScan.Photo> checked) {
        removeLeftoverPreparedCopies();
        List<String> todo = new ArrayList<>();
        synchronized (lock) {
            for (ManifestItem item : all) {
                items.put(item.key(), item);
                knownFiles.add(item.file());
                if (item.output() != null) {
                    claims.claim(item.output());
                }
                if (!item.status().finished()
                        || item.status() == ItemStatus.FAILED
                        || item.status() == ItemStatus.CANCELED
                        || resultMissing(item)) {
                    todo.add(item.key());
                }
            }
            for (FolderScan.Photo photo : checked) {
                photos.put(photo.file(), photo.info());
            }
            reserveNames(all);
            pending = 1; // held until every item is queued, so an early finish cannot end the run
        }
        changed(null);
        todo.forEach(this::submit);
        if (request.watch()) {
            long every = tuning.watchEvery().toMillis();
            timer.scheduleWithFixedDelay(this::lookForNewFiles, every, every, TimeUnit.MILLISECONDS);
        }
        taskDone();
    }

    /**
     * Gives every item still without a result name its name now, in the batch's sorted order (file, then preset), with
     * the extension its preset's kind implies, so clashes are numbered the same way on every run whatever order items
     * finish in. Called under the lock.
     */
    private void reserveNames(List<ManifestItem> all) {
        List<ManifestItem> named = reserveNamesLocked(all);
        List<ManifestItem> changed = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (named.get(i) != all.get(i)) {
                changed.add(named.get(i));
                items.put(named.get(i).key(), named.get(i));
            }
        }
        try {
            manifest.putAll(changed);
        } catch (IOException e) {
            LOG.warn("event=batch_names_not_saved batch={} message={}", batchId, e.getMessage());
        }
    }

    private List<ManifestItem> reserveNamesLocked(List<ManifestItem> list) {
        List<ManifestItem> named = new ArrayList<>(list.size());
        for (ManifestItem item : list) {
            if (item.output() != null || item.status() == ItemStatus.SKIPPED) {
                named.add(item);
                continue;
            }
            named.add(item.output(claims.choose(item.file(), item.preset(), expectedExtension(item.preset()))));
        }
        return named;
    }

    /** What a preset's results are expected to be: a video for a video preset, a JPEG otherwise. */
    private String expectedExtension(String preset) {
        PresetView view = presets.get(preset);
        return view != null && view.kind() == com.pixfino.model.MediaKind.VIDEO ? "mp4" : "jpg";
    }

    /** Copies a crashed run prepared and never uploaded. */
    private void removeLeftoverPreparedCopies() {
        if (!Files.isDirectory(preparedDir)) {
            return;
        }
        try (var left = Files.list(preparedDir)) {
            for (Path file : left.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("event=batch_prepared_copies_kept message={}", e.getMessage());
        }
    }

    @Override
    public void pause() {
        synchronized (lock) {
            if (state != BatchState.RUNNING && state != BatchState.WATCHING) {
                return;
            }
            state = BatchState.PAUSED;
            pauseReason = null;
        }
        changed(null);
    }

    @Override
    public void resume() {
        synchronized (lock) {
            if (state != BatchState.PAUSED || (capReached && cap.full(items.values()))) {
                return;
            }
            capReached = false;
            state = pending == 0 && request.watch() ? BatchState.WATCHING : BatchState.RUNNING;
            pauseReason = null;
            lock.notifyAll();
        }
        changed(null);
    }

    @Override
    public void stop() {
        List<UUID> running = new ArrayList<>();
        boolean idle;
        synchronized (lock) {
            if (stopping || over) {
                return;
            }
            stopping = true;
            state = BatchState.STOPPING;
            pauseReason = null;
            lock.notifyAll();
            for (ManifestItem item : items.values()) {
                if (item.generationId() != null && !item.status().finished()) {
                    running.add(item.generationId());
                }
            }
            idle = pending == 0;
        }
        changed(null);
        if (idle) {
            finish();
            return;
        }
        NamedThreads.unstarted("batch-stop", () -> running.forEach(this::cancel))
                .start();
    }

    @Override
    public BatchProgress progress() {
        synchronized (lock) {
            return progressLocked();
        }
    }

    @Override
    public List<BatchItem> items() {
        synchronized (lock) {
            return items.values().stream().map(this::view).toList();
        }
    }

    @Override
    public BatchOutcome await() throws InterruptedException {
        ended.await();
        synchronized (lock) {
            return outcome;
        }
    }

    /** Drops the run as a crash would: no more writes, no cancel, no report (tests of resume). */
    void abandon() {
        synchronized (lock) {
            abandoned = true;
            over = true;
            lock.notifyAll();
        }
        manifest.close();
        outputLock.close();
        watch.close();
        workers.shutdownNow();
        timer.shutdownNow();
        ended.countDown();
    }

    private void submit(String key) {
        synchronized (lock) {
            pending++;
        }
        try {
            workers.execute(() -> process(key));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            taskDone();
        }
    }

    private void process(String key) {
        try {
            carry(key);
        } catch (PatientCalls.Interrupted | CancellationException e) {
            LOG.debug("event=batch_item_interrupted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            if (stopping()) {
                return; // a run that was dropped or stopped mid-call: the manifest keeps what was written before
            }
            if (e instanceof IOException io && endsTheRun(io)) {
                keepResumable(key);
                endRun(io);
                return;
            }
            LOG.warn("event=batch_item_failed batch={} message={}", batchId, e.getMessage());
            fail(key, failures.describe(e));
        } finally {
            taskDone();
        }
    }

    /** One item, from wherever the manifest says it stands to its end. */
    private void carry(String key) throws IOException, InterruptedException {
        boolean first = true;
        while (true) {
            if (!awaitGo()) {
                return;
            }
            ManifestItem item = item(key);
            if (first) {
                first = false;
                item = again(item);
            }
            if (item.status().finished()) {
                return;
            }
            if (item.generationId() == null) {
                // a create that may have reached the server is re-sent as it was, even when its file has gone since
                Optional<UUID> upload = item.sent() ? manifest.uploadId(item.contentHash()) : Optional.empty();
                PhotoInfo photo = photos.get(item.file());
                if (upload.isEmpty() && photo == null) {
                    return; // the file is gone from the input: nothing to send
                }
                if (upload.isEmpty()) {
                    upload = upload(key, photo);
                }
                if (upload.isEmpty()) {
                    return;
                }
                boolean firstSend = !item(key).sent();
                if (firstSend && !reserveAndMarkSent(key)) {
                    return;
                }
                if (!create(key, upload.get(), firstSend)) {
                    continue; // refused for credits: paused, and tried again on resume
                }
            }
            await(key);
            return;
        }
    }

    /**
     * A failed or canceled item of an earlier run, now taken by a worker: tried once more when it can be (its file is
     * still there, or the server has or may have its generation); otherwise it keeps its status and reason.
     */
    private ManifestItem again(ManifestItem item) throws IOException {
        if (resultMissing(item)) {
            return update(item.with(ItemStatus.SUBMITTED, null)); // the server keeps the generation: download it again
        }
        if (item.status() != ItemStatus.FAILED && item.status() != ItemStatus.CANCELED) {
            return item;
        }
        if (!photos.containsKey(item.file()) && !item.paid()) {
            return item;
        }
        return update(BatchEngine.readyToRun(item));
    }

    /** A completed item whose result file was deleted from the output folder since. */
    private boolean resultMissing(ManifestItem item) {
        return item.status() == ItemStatus.COMPLETED
                && item.output() != null
                && item.generationId() != null
                && !Files.exists(output.resolve(item.output()));
    }

    /** The content's upload id, uploading it first when no item sharing it has; empty when the item is skipped. */
    private Optional<UUID> upload(String key, PhotoInfo photo) throws IOException {
        ManifestItem item = item(key);
        ContentUploads.Outcome outcome = uploads.upload(
                item.contentHash(),
                item.file(),
                photo,
                status -> update(item(key).with(status, null)));
        if (outcome.skipReason() != null) {
            update(item(key).with(ItemStatus.SKIPPED, outcome.skipReason()));
            return Optional.empty();
        }
        return Optional.of(outcome.uploadId());
    }

    /**
     * Marks the item SUBMITTED (may reach the server) before its create is sent, unless the credit cap would be
     * passed: then the batch pauses and this waits for resume or stop.
     */
    private boolean reserveAndMarkSent(String key) throws IOException, InterruptedException {
        ManifestItem next;
        synchronized (lock) {
            while (true) {
                if (stopping || abandoned) {
                    return false;
                }
                if (state == BatchState.PAUSED) {
                    lock.wait();
                    continue;
                }
                ManifestItem item = items.get(key);
                if (cap.fits(items.values(), item)) {
                    next = item.sent(true).with(ItemStatus.SUBMITTED, null);
                    manifest.put(next);
                    // the table too, before the lock is let go: the next worker's cap check must count this item
                    items.put(key, next);
                    break;
                }
                state = BatchState.PAUSED;
                capReached = true;
                pauseReason = messages.get("batch.paused.cap", request.maxCredits(), cap.spent(items.values()));
                notifyLater();
            }
        }
        changed(next);
        return true;
    }

    /**
     * False when the server refused for credits (the batch is paused); the item is then not charged. {@code firstSend}:
     * no earlier run sent this create, so when every try was turned away (429/503) before a stop, it never left.
     */
    private boolean create(String key, UUID uploadId, boolean firstSend) throws IOException {
        ManifestItem item = item(key);
        String idempotencyKey =
                BatchKeys.idempotencyKey(batchId, item.file(), item.contentHash(), item.preset(), item.attempt());
        CreateGenerationRequest body = new CreateGenerationRequest(item.presetId(), uploadId, null);
        GenerationAccepted accepted;
        java.util.concurrent.atomic.AtomicBoolean mayHaveLanded = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            accepted = calls.call("create", () -> {
                try {
                    return api.createGeneration(body, idempotencyKey);
                } catch (CompanionHttpException e) {
                    throw e; // an answer: this try created nothing unless it is a success
                } catch (IOException e) {
                    mayHaveLanded.set(true); // the line broke: the server may have taken it
                    throw e;
                }
            });
        } catch (PatientCalls.Interrupted e) {
            if (firstSend && !mayHaveLanded.get()) {
                // stopped while the server was asking us to wait: nothing was created, the item was never sent
                update(item(key).sent(false).with(ItemStatus.PENDING, null));
            }
            throw e;
        } catch (CompanionHttpException e) {
            if (credentialsRefused(e)) {
                update(item(key).sent(false).with(ItemStatus.PENDING, null)); // refused: nothing was created
                endRun(e);
                return true;
            }
            if (e.statusCode() == 402) {
                update(item(key).sent(false).with(ItemStatus.PENDING, null));
                synchronized (lock) {
                    if (!stopping && !abandoned) {
                        state = BatchState.PAUSED;
                        pauseReason = messages.get("batch.paused.noCredits", e.getMessage());
                    }
                }
                changed(null);
                return false;
            }
            if (e.statusCode() == 404) {
                manifest.forgetUpload(item.contentHash()); // the server lost the upload: the next run sends it again
            }
            // a refusal charged nothing, except a 409 on the key, which may mean an earlier create with it exists
            boolean refused = e.statusCode() >= 400 && e.statusCode() < 500 && e.statusCode() != 409;
            ManifestItem failed = refused ? item(key).sent(false) : item(key);
            update(failed.with(ItemStatus.FAILED, failures.describe(e)));
            return true;
        } catch (IOException e) {
            if (endsTheRun(e)) {
                endRun(e); // the item stays "may have reached the server": a rerun sends it again with the same key
                return true;
            }
            update(item(key).with(ItemStatus.FAILED, messages.get("batch.failed.server", failures.describe(e))));
            return true;
        }
        update(item(key).generation(accepted.id(), accepted.creditsCharged()).with(ItemStatus.SUBMITTED, null));
        boolean cancelNow;
        synchronized (lock) {
            cancelNow = stopping;
        }
        if (cancelNow) {
            cancel(accepted.id());
        }
        return true;
    }

    /** Waits for the item's generation to end, then saves its result or records why not. */
    private void await(String key) throws IOException, InterruptedException {
        ManifestItem item = item(key);
        if (item.generationId() == null || item.status().finished()) {
            return;
        }
        GenerationView view;
        try {
            view = watch.awaitFinal(item.generationId());
        } catch (CompanionHttpException e) {
            if (credentialsRefused(e)) {
                endRun(e);
                return;
            }
            String reason = e.statusCode() == 404 ? messages.get("batch.failed.gone") : failures.describe(e);
            update(item(key).with(ItemStatus.FAILED, reason));
            return;
        } catch (IOException e) {
            if (endsTheRun(e)) {
                endRun(e);
            }
            return; // it stays SUBMITTED, and a rerun picks it up
        }
        switch (view.status()) {
            case COMPLETED -> download(key, view);
            case FAILED -> {
                ManifestItem failed = view.refunded() ? item(key).asRefunded() : item(key);
                String reason = view.error() != null && view.error().message() != null
                        ? view.error().message()
                        : view.status().name();
                update(failed.with(ItemStatus.FAILED, reason));
            }
            default -> update(item(key).asRefunded().with(ItemStatus.CANCELED, null));
        }
    }

    private void download(String key, GenerationView view) throws IOException {
        String relative = claimName(key, OutputNames.extension(view.outputContentType()));
        try {
            calls.call("download", () -> {
                api.download(view.id(), false, output.resolve(relative));
                return null;
            });
            update(item(key).with(ItemStatus.COMPLETED, null));
        } catch (IOException e) {
            if (endsTheRun(e)) {
                endRun(e); // the generation stays on the server: a rerun downloads it
                return;
            }
            if (e instanceof CompanionHttpException http && http.statusCode() == 404) {
                update(item(key).with(ItemStatus.FAILED, messages.get("batch.failed.gone")));
                return;
            }
            update(item(key).with(ItemStatus.FAILED, messages.get("batch.failed.download", failures.describe(e))));
        }
    }

    /** The item's result name, decided once: the template's, or with -2, -3… when taken or (without overwrite) on disk. */
    private String claimName(String key, String ext) throws IOException {
        ManifestItem named;
        synchronized (lock) {
            ManifestItem item = items.get(key);
            if (item.output() != null
                    && (item.status() == ItemStatus.COMPLETED || item.output().endsWith("." + ext))) {
                return item.output();
            }
            if (item.output() != null) {
                claims.release(item.output()); // the result is of another type than expected: named again
            }
            String chosen = claims.choose(item.file(), item.preset(), ext);
            named = item.output(chosen);
            manifest.put(named);
            items.put(key, named);
        }
        return named.output();
    }

    private void cancel(UUID generationId) {
        try {
            watch.offer(api.cancel(generationId));
        } catch (CompanionApiException e) {
            LOG.debug("event=batch_cancel_refused generation={} status={}", generationId, e.statusCode());
        } catch (IOException e) {
            LOG.warn("event=batch_cancel_failed generation={} message={}", generationId, e.getMessage());
            watch.giveUp(generationId, e);
        }
    }

    /** A watched generation started running on the server. */
    private void serverStatus(UUID generationId, GenerationStatus status) {
        if (status != GenerationStatus.RUNNING) {
            return;
        }
        ManifestItem running = null;
        synchronized (lock) {
            // checked and written under the lock: the item's worker may be moving it on at the same moment
            for (ManifestItem item : items.values()) {
                if (generationId.equals(item.generationId()) && item.status() == ItemStatus.SUBMITTED) {
                    running = item.with(ItemStatus.RUNNING, null);
                    try {
                        manifest.put(running);
                    } catch (IOException e) {
                        LOG.debug("event=batch_status_not_saved message={}", e.getMessage());
                    }
                    items.put(running.key(), running);
                }
            }
        }
        if (running != null) {
            changed(running);
        }
    }

    /** The server cannot be reached after the retries, or refuses the credentials: no item can go on. */
    private static boolean endsTheRun(IOException e) {
        return FailureMessages.isNetwork(e) || credentialsRefused(e);
    }

    /** A 401, or a 403 saying the API key may not do this (lacks a scope, or is not allowed). */
    static boolean credentialsRefused(IOException e) {
        if (!(e instanceof CompanionHttpException http)) {
            return false;
        }
        if (http.statusCode() == 401) {
            return true;
        }
        return http.statusCode() == 403
                && http instanceof CompanionApiException api
                && api.code() != null
                && api.code().startsWith("api_key_");
    }

    /** An item cut off by the server's failure goes back to where a rerun starts it; a sent create stays sent. */
    private void keepResumable(String key) {
        ManifestItem item = item(key);
        if (item.status() == ItemStatus.PREPARING || item.status() == ItemStatus.UPLOADING) {
            try {
                update(item.with(ItemStatus.PENDING, null));
            } catch (IOException e) {
                LOG.debug("event=batch_manifest_write_failed message={}", e.getMessage());
            }
        }
    }

    /**
     * Ends the run because of the server: nothing more is sent, nothing is canceled (the server is gone or refuses
     * us), every item keeps its state for a rerun, and the outcome says why.
     */
    private void endRun(IOException cause) {
        boolean credentials = credentialsRefused(cause);
        BatchFailure why = credentials
                ? new BatchFailure(
                        BatchFailure.Kind.CREDENTIALS_REFUSED,
                        messages.get("batch.ended.credentials", failures.describe(cause)))
                : new BatchFailure(
                        BatchFailure.Kind.SERVER_UNREACHABLE,
                        messages.get("batch.ended.unreachable", failures.describe(cause)));
        boolean idle;
        synchronized (lock) {
            if (stopping || over) {
                return;
            }
            LOG.warn("event=batch_ended_by_server batch={} kind={}", batchId, why.kind());
            failure = why;
            stopping = true;
            state = BatchState.STOPPING;
            pauseReason = null;
            lock.notifyAll();
            idle = pending == 0;
        }
        changed(null);
        watch.close(); // waits for generations end at once; they stay SUBMITTED or RUNNING for the rerun
        if (idle) {
            finish();
        }
    }

    private void fail(String key, String reason) {
        try {
            update(item(key).with(ItemStatus.FAILED, reason));
        } catch (IOException e) {
            LOG.warn("event=batch_manifest_write_failed batch={} message={}", batchId, e.getMessage());
        }
    }

    /** Watch mode: files that appeared since the last look, taken once their size stayed the same for a while. */
    private void lookForNewFiles() {
        try {
            synchronized (lock) {
                if (stopping || over || state == BatchState.PAUSED) {
                    return;
                }
            }
            Set<String> settled = newFiles.settled(
                    input, scan.list(input, output, request.recursive()), this::known, System.nanoTime());
            if (!settled.isEmpty()) {
                take(settled);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=batch_watch_failed batch={} message={}", batchId, e.getMessage());
        }
    }

    private boolean known(String file) {
        synchronized (lock) {
            return knownFiles.contains(file);
        }
    }

    private void take(Set<String> settled) throws IOException {
        FolderScan.Result found = scan.scan(input, output, request.recursive(), settled::contains);
        List<String> todo = new ArrayList<>();
        List<ManifestItem> added = new ArrayList<>();
        for (SkippedFile skipped : found.skipped()) {
            for (PresetView preset : presets.values()) {
                added.add(BatchEngine.skippedItem(skipped, preset));
            }
        }
        for (FolderScan.Photo photo : found.photos()) {
            String hash = BatchKeys.contentHash(photo.info().file());
            photos.put(photo.file(), photo.info());
            for (PresetView preset : presets.values()) {
                ManifestItem item = BatchEngine.newItem(photo.file(), preset, hash);
                added.add(item);
                todo.add(item.key());
            }
        }
        synchronized (lock) {
            added = reserveNamesLocked(added);
        }
        manifest.putAll(added);
        synchronized (lock) {
            for (ManifestItem item : added) {
                items.put(item.key(), item);
            }
            knownFiles.addAll(settled);
            if (!todo.isEmpty() && state == BatchState.WATCHING) {
                state = BatchState.RUNNING;
            }
        }
        changed(null);
        if (todo.isEmpty()) {
            writeReports();
        }
        todo.forEach(this::submit);
    }

    private void taskDone() {
        boolean idle;
        synchronized (lock) {
            pending--;
            idle = pending == 0 && !over;
        }
        if (!idle) {
            return;
        }
        if (!request.watch() || stopping()) {
            finish();
            return;
        }
        writeReports(); // before WATCHING is shown, so whoever sees it finds the report of this pass
        synchronized (lock) {
            if (pending == 0 && !stopping && !abandoned && state == BatchState.RUNNING) {
                state = BatchState.WATCHING;
            }
        }
        changed(null);
    }

    private boolean stopping() {
        synchronized (lock) {
            return stopping || abandoned;
        }
    }

    private void finish() {
        synchronized (lock) {
            if (over) {
                return;
            }
            over = true;
            state = stopping ? BatchState.STOPPED : BatchState.FINISHED;
            pauseReason = null;
        }
        watch.close();
        timer.shutdown(); // not shutdownNow: this may be the timer's own thread, and an interrupt would stop the report
        workers.shutdown();
        writeReports();
        manifest.close();
        outputLock.close();
        try {
            Files.deleteIfExists(preparedDir);
        } catch (IOException e) {
            LOG.debug("event=batch_prepared_dir_kept message={}", e.getMessage());
        }
        synchronized (lock) {
            outcome = new BatchOutcome(
                    progressLocked(), output.resolve(BatchReports.CSV), output.resolve(BatchReports.JSON), failure);
        }
        changed(null);
        ended.countDown();
    }

    private void writeReports() {
        List<BatchReports.Row> rows;
        synchronized (lock) {
            rows = items.values().stream()
                    .map(item -> BatchReports.row(views.ended(item), output))
                    .toList();
        }
        try {
            BatchReports.write(output, rows);
        } catch (IOException e) {
            LOG.warn("event=batch_report_failed batch={} message={}", batchId, e.getMessage());
        }
    }

    private BatchItem view(ManifestItem item) {
        return views.view(item, over);
    }

    private BatchProgress progressLocked() {
        return views.progress(items.values(), over, throughput, System.nanoTime(), state, pauseReason);
    }

    private ManifestItem item(String key) {
        synchronized (lock) {
            return items.get(key);
        }
    }

    /** Writes the item to the manifest, then shows it. */
    private ManifestItem update(ManifestItem next) throws IOException {
        synchronized (lock) {
            manifest.put(next); // under the lock, so the manifest and the table never disagree about the last write
            ManifestItem previous = items.put(next.key(), next);
            boolean worked = next.status().finished() && next.status() != ItemStatus.SKIPPED;
            if (worked && (previous == null || !previous.status().finished())) {
                throughput.finished(System.nanoTime());
            }
        }
        changed(next);
        return next;
    }

    private boolean awaitGo() throws InterruptedException {
        synchronized (lock) {
            while (state == BatchState.PAUSED && !stopping && !abandoned) {
                lock.wait();
            }
            return !stopping && !abandoned;
        }
    }

    /** Waits {@code wait}, or less when the run stops: false then. */
    private boolean sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            try {
                for (long left = wait.toMillis(); left > 0 && !stopping && !abandoned; ) {
                    lock.wait(left);
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            return !stopping && !abandoned;
        }
    }

    /** Tells the listener after the lock is let go: from inside a wait loop, hand it to the timer. */
    private void notifyLater() {
        timer.execute(() -> changed(null));
    }

    private void changed(ManifestItem item) {
        BatchItem view;
        BatchProgress progress;
        synchronized (lock) {
            if (abandoned) {
                return;
            }
            view = item == null ? null : view(item);
            progress = progressLocked();
        }
        try {
            if (view != null) {
                listener.itemChanged(view);
            }
            listener.progressChanged(progress);
        } catch (RuntimeException e) {
            LOG.warn("event=batch_listener_failed batch={} message={}", batchId, e.getMessage());
        }
    }
}
