package com.pixfino.studio.admin.presets;

import com.pixfino.model.MediaKind;
import com.pixfino.model.PresetCategory;
import com.pixfino.model.api.admin.AdminPresetRequest;
import com.pixfino.model.api.admin.AdminPresetView;
import com.pixfino.studio.core.admin.AdminPresetsApi;
import com.pixfino.studio.core.net.CompanionApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The admin presets routes in memory, with the server's margin formula and its slug check; records every call. */
final class FakeAdminPresets implements AdminPresetsApi {

    final List<AdminPresetView> presets = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final BigDecimal creditValue;
    IOException nextFailure;
    IOException uploadFailure;
    AdminPresetRequest lastRequest;
    private long nextId = 100;

    FakeAdminPresets(BigDecimal creditValue) {
        this.creditValue = creditValue;
    }

    AdminPresetView add(String slug, String name, int credits, String apiCost, boolean active) {
        AdminPresetView view = view(
                nextId++,
                new AdminPresetRequest(
                        slug,
                        name,
                        PresetCategory.FANTASY,
                        MediaKind.IMAGE,
                        "replicate",
                        "flux",
                        null,
                        credits,
                        apiCost,
                        true,
                        false,
                        "a {subject}",
                        "",
                        Map.of("look", "warm"),
                        List.of("1:1", "4:5"),
                        "1:1",
                        0,
                        active),
                null);
        presets.add(view);
        return view;
    }

    @Override
    public List<AdminPresetView> list() throws IOException {
        calls.add("list");
        fail();
        return List.copyOf(presets);
    }

    @Override
    public AdminPresetView create(AdminPresetRequest preset) throws IOException {
        calls.add("create " + preset.slug());
        lastRequest = preset;
        fail();
        if (presets.stream().anyMatch(p -> p.slug().equals(preset.slug()))) {
            throw new CompanionApiException(409, "slug_taken", "Another preset already has the slug.");
        }
        AdminPresetView view = view(nextId++, preset, null);
        presets.add(view);
        return view;
    }

    @Override
    public AdminPresetView update(long id, AdminPresetRequest preset) throws IOException {
        calls.add("update " + id);
        lastRequest = preset;
        fail();
        AdminPresetView view = view(id, preset, null);
        presets.replaceAll(p -> p.id() == id ? view : p);
        return view;
    }

    @Override
    public AdminPresetView setActive(long id, boolean active) throws IOException {
        calls.add((active ? "activate " : "deactivate ") + id);
        fail();
        AdminPresetView old =
                presets.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        AdminPresetView view = view(id, request(old, active), old.thumbnailUrl());
        presets.replaceAll(p -> p.id() == id ? view : p);
        return view;
    }

    @Override
    public AdminPresetView uploadThumbnail(long id, Path image, String contentType) throws IOException {
        calls.add("thumbnail " + id + " " + image.getFileName() + " " + contentType);
        if (uploadFailure != null) {
            throw uploadFailure;
        }
        AdminPresetView old =
                presets.stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        AdminPresetView view = view(id, request(old, old.active()), "/api/v1/presets/" + id + "/thumbnail");
        presets.replaceAll(p -> p.id() == id ? view : p);
        return view;
    }

    private void fail() throws IOException {
        IOException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    private static AdminPresetRequest request(AdminPresetView p, boolean active) {
        return new AdminPresetRequest(
                p.slug(),
                p.name(),
                p.category(),
                p.kind(),
                p.provider(),
                p.model(),
                p.durationSeconds(),
                p.credits(),
                p.apiCostUsd(),
                p.featured(),
                p.pro(),
                p.promptTemplate(),
                p.negativePrompt(),
                p.recipe(),
                p.aspectRatios(),
                p.defaultAspectRatio(),
                p.sortOrder(),
                active);
    }

    private AdminPresetView view(long id, AdminPresetRequest r, String thumbnail) {
        BigDecimal revenue = creditValue.multiply(BigDecimal.valueOf(r.credits()));
        BigDecimal cost = new BigDecimal(r.apiCostUsd()).setScale(4);
        BigDecimal margin = revenue.subtract(cost).setScale(4, RoundingMode.HALF_UP);
        BigDecimal pct = margin.multiply(BigDecimal.valueOf(100)).divide(revenue, 1, RoundingMode.HALF_UP);
        return new AdminPresetView(
                id,
                r.slug(),
                r.name(),
                r.category(),
                r.kind(),
                r.provider(),
                r.model(),
                r.durationSeconds(),
                r.credits(),
                cost.toPlainString(),
                margin.toPlainString(),
                pct.toPlainString(),
                Boolean.TRUE.equals(r.featured()),
                Boolean.TRUE.equals(r.pro()),
                r.promptTemplate(),
                r.negativePrompt(),
                thumbnail,
                r.recipe(),
                r.aspectRatios(),
                r.defaultAspectRatio(),
                r.sortOrder() == null ? 0 : r.sortOrder(),
                r.active() == null || r.active(),
                0,
                1);
    }
}
