package com.pixfino.server.providers.local;

import com.pixfino.model.MediaKind;
import com.pixfino.server.providers.Capabilities;
import com.pixfino.server.providers.DescribedProvider;
import com.pixfino.server.providers.ProviderException;
import com.pixfino.server.providers.ProviderPoll;
import com.pixfino.server.providers.ProviderRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;

/**
 * The embedded provider: applies the preset's recipe to the photo on this machine, framed to the asked format and
 * varied by the generation's seed (same photo, preset, format and seed: the same bytes). It keeps no
 * state: submit only names the job, poll does the work, so a restart simply renders again.
 */
public final class LocalRendererProvider extends DescribedProvider {

    public static final String NAME = "local";
    private static final String JOB_PREFIX = "local:";

    private final LocalRenderer renderer = new LocalRenderer();
    private final Path workDir;
    // rendering is CPU-bound: more parallel renders than cores only makes each one slower
    private final Semaphore renderSlots =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

    public LocalRendererProvider(Path workDir) {
        super(NAME, Capabilities.everyKindFromPhoto(), Map.of());
        this.workDir = workDir;
    }

    @Override
    public String submit(ProviderRequest request) {
        return JOB_PREFIX + request.generationId();
    }

    @Override
    public ProviderPoll poll(String jobId, ProviderRequest request) {
        RenderRecipe recipe;
        try {
            recipe = RenderRecipe.fromJson(request.recipeJson());
        } catch (IllegalArgumentException e) {
            return new ProviderPoll.Failed("invalid_recipe", "The preset's look could not be read: " + e.getMessage());
        }
        if (request.aspectRatio() != null) {
            recipe = recipe.withAspect(RenderRecipe.Aspect.of(request.aspectRatio()));
        }
        BufferedImage photo = decode(request.input().get());
        renderSlots.acquireUninterruptibly();
        try {
            if (request.kind() == MediaKind.VIDEO) {
                return new ProviderPoll.Succeeded(
                        List.of(ProviderPoll.Output.of("video/mp4", renderVideo(photo, recipe, request, jobId))),
                        BigDecimal.ZERO);
            }
            BufferedImage image = renderer.renderImage(photo, recipe, LocalRenderer.DEFAULT_LONG_EDGE, request.seed());
            return new ProviderPoll.Succeeded(
                    List.of(ProviderPoll.Output.of("image/jpeg", renderer.encodeJpeg(image, 0.9f))), BigDecimal.ZERO);
        } finally {
            renderSlots.release();
        }
    }

    private byte[] renderVideo(BufferedImage photo, RenderRecipe recipe, ProviderRequest request, String jobId) {
        Path out = null;
        try {
            Files.createDirectories(workDir);
            out = Files.createTempFile(workDir, jobId.replace(':', '-'), ".mp4");
            if (request.aspectRatio() != null || request.seed() != null) {
                renderer.renderVideo(photo, recipe, out, request.seed() == null ? 0 : request.seed());
            } else {
                renderer.renderVideo(photo, recipe, out);
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw ProviderException.permanent("render_failed", "The video could not be rendered: " + e.getMessage());
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // a stray temp file in our own work dir is harmless
                }
            }
        }
    }

    private static BufferedImage decode(ProviderRequest.InputImage input) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(input.bytes()));
            if (image == null) {
                throw ProviderException.permanent("invalid_input", "The uploaded photo could not be read.");
            }
            return image;
        } catch (IOException e) {
            throw ProviderException.permanent(
                    "invalid_input", "The uploaded photo could not be read: " + e.getMessage());
        }
    }

    @Override
    public void cancel(String jobId) {
        // nothing runs between polls, so there is nothing to stop
    }

    @Override
    public BigDecimal estimateCost(ProviderRequest request) {
        return BigDecimal.ZERO;
    }
}
