package com.pixfino.studio.core.batch;

import com.pixfino.model.api.PresetView;
import com.pixfino.studio.core.i18n.Messages;
import com.pixfino.studio.core.net.CompanionApi;
import com.pixfino.studio.core.photo.PhotoCheck;
import com.pixfino.studio.core.photo.PhotoPreparation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs folders of photos through presets on the companion server: an estimate first, then a resumable run whose state
 * lives in {@code <output>/.pixfino/batch.db}, so every file × preset is charged exactly once across crashes and
 * reruns. A rerun finishes what is left: items never sent, items whose create may have reached the server (re-sent
 * with the same Idempotency-Key, which the server answers without charging again), results not yet saved; failed and
 * canceled items are tried again, charging once more only when the server refunded them. JavaFX-free; every call
 * blocks, so call it off the UI thread.
 */
public final class BatchEngine {

    private final CompanionApi api;
    private final PhotoCheck check;
    private final PhotoPreparation preparation;
    private final Messages messages;
    private final BatchTuning tuning;

    public BatchEngine(CompanionApi api, PhotoCheck check, PhotoPreparation preparation) {
        this(api, check, preparation, BatchTuning.DEFAULT);
    }

    BatchEngine(CompanionApi api, PhotoCheck check, PhotoPreparation preparation, BatchTuning tuning) {
        this.api = api;
        this.check = check;
        this.preparation = preparation;
        this.messages = Messages.load(Locale.getDefault());
        this.tuning = tuning;
    }

    /**
     * What the request would cost and skip; writes nothing anywhere.
     *
     * @throws UnknownPresetException when a preset slug is unknown
     * @throws BatchRequestException when the request cannot run as given
     */
    public BatchEstimate estimate(BatchRequest request) throws IOException {
        return plan(request).estimate();
    }

    /**
     * Starts (or resumes) the batch in the background.
     *
     * @throws NotEnoughCreditsException when the balance cannot pay for the items to run
     * @throws UnknownPresetException when a preset slug is unknown
     * @throws BatchRequestException when the request cannot run as given
     */
    public BatchRun start(BatchRequest request, BatchListener listener) throws IOException {
        return begin(request, listener);
    }

    BatchExecution begin(BatchRequest asked, BatchListener listener) throws IOException {
        BatchRequest request = real(asked);
        Plan plan = plan(request);
        BatchEstimate estimate = plan.estimate();
        long needed = new CreditCap(request.maxCredits(), plan.presets()).room(plan.earlier(), estimate.credits());
        if (estimate.balance() < needed) {
            throw new NotEnoughCreditsException(
                    messages.get("batch.refused.balance", needed, estimate.toPay(), estimate.balance()), estimate);
        }
        OutputLock lock = OutputLock.take(request.output(), messages);
        BatchManifest manifest;
        try {
            manifest = BatchManifest.open(request.output());
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            UUID batchId = manifest.batchId();
            manifest.saveRequest(request);
            Map<String, ManifestItem> earlier = new HashMap<>();
            for (ManifestItem item : manifest.items()) {
                earlier.put(item.key(), item);
            }
            List<ManifestItem> changes = new ArrayList<>();
            for (SkippedFile skipped : plan.scan().skipped()) {
                for (PresetView preset : plan.presets().values()) {
                    ManifestItem before = earlier.get(ManifestItem.key(skipped.file(), preset.slug()));
                    if (before == null || (before.status() != ItemStatus.COMPLETED && !before.paid())) {
                        changes.add(skippedItem(skipped, preset));
                    }
                }
            }
            for (FolderScan.Photo photo : plan.scan().photos()) {
                String hash = BatchKeys.contentHash(photo.info().file());
                for (PresetView preset : plan.presets().values()) {
                    ManifestItem before = earlier.get(ManifestItem.key(photo.file(), preset.slug()));
                    changes.add(before == null ? newItem(photo.file(), preset, hash) : again(before, hash, preset));
                }
            }
            manifest.putAll(changes);
            List<ManifestItem> all = new ArrayList<>();
            List<ManifestItem> restarted = new ArrayList<>();
            for (ManifestItem item : manifest.items()) {
                // failed and canceled items are tried again by the worker that takes them, so one this run never
                // reaches keeps its status and reason
                ManifestItem ready = interrupted(item);
                if (ready != item) {
                    restarted.add(ready);
                }
                all.add(ready);
            }
            manifest.putAll(restarted);
            BatchExecution run = new BatchExecution(
                    api,
                    preparation,
                    messages,
                    request,
                    manifest,
                    lock,
                    batchId,
                    plan.presets(),
                    listener == null ? new BatchListener() {} : listener,
                    tuning,
                    new FolderScan(check, messages));
            run.begin(all, plan.scan().photos());
            return run;
        } catch (IOException | RuntimeException e) {
            manifest.close();
            lock.close();
            throw e;
        }
    }

    /** The request a batch in {@code output} was started with, when it still has unfinished items. */
    public static Optional<BatchRequest> unfinished(Path output) throws IOException {
        Optional<BatchManifest> existing = BatchManifest.openExisting(output);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        try (BatchManifest manifest = existing.get()) {
            boolean open =
                    manifest.items().stream().anyMatch(item -> !item.status().finished());
            return open ? manifest.request() : Optional.empty();
        }
    }

    static ManifestItem newItem(String file, PresetView preset, String hash) {
        return new ManifestItem(
                file, preset.slug(), hash, preset.id(), ItemStatus.PENDING, 1, false, null, 0, false, null, null);
    }

    static ManifestItem skippedItem(SkippedFile skipped, PresetView preset) {
        return new ManifestItem(
                skipped.file(),
                preset.slug(),
                null,
                preset.id(),
                ItemStatus.SKIPPED,
                1,
                false,
                null,
                0,
                false,
                null,
                skipped.reason());
    }

    /** An item of an earlier run met again in the input: done stays done, a changed file not yet sent is re-read. */
    private static ManifestItem again(ManifestItem before, String hash, PresetView preset) {
        if (before.status() == ItemStatus.COMPLETED || before.paid()) {
            return before;
        }
        ManifestItem current = before.content(hash, preset.id());
        return before.status() == ItemStatus.SKIPPED ? current.with(ItemStatus.PENDING, null) : current;
    }

    /** An item a crash left halfway through preparing or uploading starts again from the beginning. */
    private static ManifestItem interrupted(ManifestItem item) {
        return item.status() == ItemStatus.PREPARING || item.status() == ItemStatus.UPLOADING
                ? item.with(ItemStatus.PENDING, null)
                : item;
    }

    /**
     * An output folder holds one batch: a request with another input folder, other presets, another recursion or
     * naming would mix two batches in one manifest and report. Concurrency, overwrite, the cap and watch may differ.
     */
    private void refuseAnotherBatch(BatchRequest stored, BatchRequest request) throws BatchRequestException {
        boolean same = FolderScan.realPath(stored.input()).equals(FolderScan.realPath(request.input()))
                && new java.util.HashSet<>(stored.presets()).equals(new java.util.HashSet<>(request.presets()))
                && stored.recursive() == request.recursive()
                && stored.nameTemplate().equals(request.nameTemplate());
        if (!same) {
            throw new BatchRequestException(messages.get(
                    "batch.refused.otherBatch",
                    FolderScan.realPath(request.output()).toString(),
                    stored.input().toString(),
                    String.join(", ", stored.presets()),
                    stored.recursive() ? messages.get("batch.refused.otherBatch.recursive") : "",
                    stored.nameTemplate().equals(BatchRequest.DEFAULT_TEMPLATE)
                            ? ""
                            : messages.get("batch.refused.otherBatch.template", stored.nameTemplate())));
        }
    }

    /** Where an item left by an earlier run starts again: failed and canceled ones are tried once more. */
    static ManifestItem readyToRun(ManifestItem item) {
        return switch (item.status()) {
            case FAILED, CANCELED -> {
                if (item.generationId() != null && item.refunded()) {
                    yield item.nextAttempt();
                }
                yield item.with(item.generationId() != null ? ItemStatus.SUBMITTED : ItemStatus.PENDING, null);
            }
            case PREPARING, UPLOADING -> item.with(ItemStatus.PENDING, null);
            default -> item;
        };
    }

    private record Plan(
            BatchEstimate estimate,
            FolderScan.Result scan,
            Map<String, PresetView> presets,
            Collection<ManifestItem> earlier) {}

    /**
     * The request with its folders as real paths (links resolved), so an input given as a link to a folder is read as
     * that folder and a manifest always names the same folder the same way.
     */
    static BatchRequest real(BatchRequest request) {
        if (request.input() == null || request.output() == null) {
            return request;
        }
        return new BatchRequest(
                FolderScan.realPath(request.input()),
                FolderScan.realPath(request.output()),
                request.presets(),
                request.recursive(),
                request.watch(),
                request.overwrite(),
                request.nameTemplate(),
                request.concurrency(),
                request.maxCredits(),
                request.longEdge());
    }

    private Plan plan(BatchRequest asked) throws IOException {
        validate(asked);
        BatchRequest request = real(asked);
        Map<String, PresetView> presets = presets(request);
        FolderScan.Result scan = new FolderScan(check, messages)
                .scan(request.input(), request.output(), request.recursive(), file -> true);
        Map<String, ManifestItem> earlier = new HashMap<>();
        Optional<BatchManifest> existing = BatchManifest.openExisting(request.output());
        if (existing.isPresent()) {
            try (BatchManifest manifest = existing.get()) {
                Optional<BatchRequest> stored = manifest.request();
                if (stored.isPresent()) {
                    refuseAnotherBatch(stored.get(), request);
                }
                for (ManifestItem item : manifest.items()) {
                    earlier.put(item.key(), item);
                }
            }
        }
        int done = 0;
        int toPay = 0;
        long credits = 0;
        for (FolderScan.Photo photo : scan.photos()) {
            for (PresetView preset : presets.values()) {
                ManifestItem before = earlier.get(ManifestItem.key(photo.file(), preset.slug()));
                if (before != null && before.status() == ItemStatus.COMPLETED) {
                    done++;
                } else if (before == null || !before.paid()) {
                    toPay++;
                    credits += preset.credits();
                }
            }
        }
        long balance = api.me().credits();
        int files = scan.photos().size();
        BatchEstimate estimate = new BatchEstimate(
                files,
                presets.size(),
                files * presets.size(),
                done,
                toPay,
                credits,
                balance,
                request.maxCredits(),
                scan.skipped());
        return new Plan(estimate, scan, presets, earlier.values());
    }

    private void validate(BatchRequest request) throws BatchRequestException {
        if (request.presets().isEmpty()) {
            throw new BatchRequestException(messages.get("batch.refused.noPreset"));
        }
        if (request.input() == null || !Files.isDirectory(request.input())) {
            throw new BatchRequestException(messages.get("batch.refused.noInput", String.valueOf(request.input())));
        }
        Path input = FolderScan.realPath(request.input());
        Path output = FolderScan.realPath(request.output());
        if (input.equals(output)) {
            throw new BatchRequestException(messages.get("batch.refused.sameFolder"));
        }
        if (request.concurrency() < 1 || request.concurrency() > 64) {
            throw new BatchRequestException(messages.get("batch.refused.concurrency", request.concurrency()));
        }
        if (request.maxCredits() != null && request.maxCredits() < 0) {
            throw new BatchRequestException(messages.get("batch.refused.maxCredits", request.maxCredits()));
        }
        OutputNames.validate(request.nameTemplate(), messages);
    }

    /** The request's presets in its order, each slug checked against the server's catalog. */
    private Map<String, PresetView> presets(BatchRequest request) throws IOException {
        Map<String, PresetView> catalog = new LinkedHashMap<>();
        for (PresetView preset : api.presets()) {
            catalog.put(preset.slug(), preset);
        }
        Map<String, PresetView> chosen = new LinkedHashMap<>();
        for (String slug : request.presets()) {
            PresetView preset = catalog.get(slug);
            if (preset == null) {
                throw new UnknownPresetException(slug, new ArrayList<>(catalog.keySet()));
            }
            chosen.put(slug, preset);
        }
        return chosen;
    }
}
