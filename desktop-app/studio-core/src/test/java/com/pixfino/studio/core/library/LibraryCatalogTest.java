package com.pixfino.studio.core.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixfino.model.GenerationStatus;
import com.pixfino.model.MediaKind;
import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.DeletedGeneration;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.studio.core.concurrent.UiThreadGuard;
import com.pixfino.studio.core.gallery.GalleryCache;
import com.pixfino.studio.core.gallery.GalleryItem;
import com.pixfino.studio.core.testsupport.GenerationViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCatalogTest {

    private static final String OWNER = "user-a";

    @TempDir
    Path dir;

    private LibraryCatalog catalog;
    private final DownloadingApi server = new DownloadingApi();

    @BeforeEach
    void open() throws Exception {
        catalog = reopen();
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private LibraryCatalog reopen() throws Exception {
        LibraryCatalog opened =
                LibraryCatalog.open(dir.resolve("gallery.db"), dir.resolve("files"), OWNER, UiThreadGuard.NONE);
        opened.connect(server.api());
        return opened;
    }

    static GenerationView view(UUID id, String preset, String prompt, OffsetDateTime at, long version) {
        return view(
                id,
                preset,
                prompt,
                at,
                version,
                GenerationStatus.COMPLETED,
                MediaKind.IMAGE,
                false,
                List.of(),
                List.of());
    }

    static GenerationView view(
            UUID id,
            String preset,
            String prompt,
            OffsetDateTime at,
            long version,
            GenerationStatus status,
            MediaKind kind,
            boolean favorite,
            List<String> tags,
            List<UUID> collections) {
        return new GenerationView(
                id,
                7,
                preset,
                kind,
                status,
                3,
                false,
                prompt,
                UUID.randomUUID(),
                "fal",
                "flux",
                null,
                "/out",
                kind == MediaKind.VIDEO ? "video/mp4" : "image/jpeg",
                "/thumb",
                800,
                1000,
                null,
                at.minusMinutes(1),
                at.minusSeconds(30),
                at,
                favorite,
                tags,
                collections,
                version,
                at,
                "4:5",
                7L,
                null,
                null,
                1);
    }

    private static OffsetDateTime day(int day, int hour) {
        return LocalDate.of(2026, 11, day)
                .atTime(hour, 0)
                .atZone(ZoneId.systemDefault())
                .toOffsetDateTime();
    }

    private static LibraryChanges page(List<GenerationView> changes, String cursor) {
        return new LibraryChanges(changes, null, null, null, cursor, false, false);
    }

    @Test
    void everyFilterAndSortSelectsTheRightResults() throws Exception {
        UUID winter = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        catalog.apply(new LibraryChanges(
                List.of(
                        view(
                                a,
                                "Portrait",
                                "Snow Princess in a castle",
                                day(20, 10),
                                1,
                                GenerationStatus.COMPLETED,
                                MediaKind.IMAGE,
                                true,
                                List.of("winter", "Blue"),
                                List.of(winter)),
                        view(
                                b,
                                "Cartoon",
                                "a dog on a beach",
                                day(21, 10),
                                1,
                                GenerationStatus.COMPLETED,
                                MediaKind.IMAGE,
                                false,
                                List.of("summer"),
                                List.of()),
                        view(
                                c,
                                "Motion",
                                "waves",
                                day(22, 10),
                                1,
                                GenerationStatus.COMPLETED,
                                MediaKind.VIDEO,
                                false,
                                List.of(),
                                List.of(winter)),
                        view(
                                failed,
                                "Portrait",
                                "Snow",
                                day(22, 11),
                                1,
                                GenerationStatus.FAILED,
                                MediaKind.IMAGE,
                                false,
                                List.of(),
                                List.of())),
                null,
                List.of(new CollectionView(winter, "Winter", 2, 1)),
                null,
                "c1",
                false,
                false));

        LibraryQuery all = LibraryQuery.ALL;
        assertThat(ids(all)).containsExactly(c, b, a);
        assertThat(catalog.count(all)).isEqualTo(3);
        assertThat(ids(all.withSort(LibraryQuery.Sort.OLDEST))).containsExactly(a, b, c);
        assertThat(ids(all.withPresetName("Portrait"))).containsExactly(a);
        assertThat(ids(all.withKind(MediaKind.VIDEO))).containsExactly(c);
        assertThat(ids(all.withDates(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 11, 22))))
                .containsExactly(c, b);
        assertThat(ids(all.withDates(null, LocalDate.of(2026, 11, 20)))).containsExactly(a);
        assertThat(ids(all.withFavoritesOnly(true))).containsExactly(a);
        assertThat(ids(all.withCollection(winter))).containsExactly(c, a);
        assertThat(ids(all.withTag("WINTER"))).containsExactly(a);
        assertThat(ids(all.withText("snow pri"))).containsExactly(a);
        assertThat(ids(all.withText("cartoon"))).containsExactly(b);
        assertThat(ids(all.withText("summ"))).containsExactly(b);
        assertThat(ids(all.withText("blue").withFavoritesOnly(true))).containsExactly(a);
        assertThat(catalog.ids(all.withText("snow").withKind(MediaKind.VIDEO))).isEmpty();

        assertThat(catalog.collections()).containsExactly(new CollectionView(winter, "Winter", 2, 1));
        assertThat(catalog.tags()).containsExactly("Blue", "summer", "winter");
        assertThat(catalog.presetNames()).containsExactly("Cartoon", "Motion", "Portrait");
        GalleryItem item = catalog.item(a).orElseThrow();
        assertThat(item.library().tags()).containsExactly("Blue", "winter");
        assertThat(item.library().collectionIds()).containsExactly(winter);
        assertThat(item.library().favorite()).isTrue();
        assertThat(item.provenance().provider()).isEqualTo("fal");
        assertThat(item.provenance().creditsCharged()).isEqualTo(3);
        assertThat(item.provenance().runTime()).hasSeconds(30);
    }

    @Test
    void oddSearchTextNeverFailsAndOperatorsAreWords() throws Exception {
        UUID near = UUID.randomUUID();
        catalog.apply(page(
                List.of(
                        view(near, "Portrait", "NEAR the \"old\" mill", day(20, 10), 1),
                        view(UUID.randomUUID(), "Portrait", "mountain", day(20, 11), 1)),
                "c1"));
        for (String odd : List.of(
                "\"",
                "\"old",
                "*",
                "NEAR",
                "near(",
                "a OR",
                "AND NOT",
                "x\u0000y",
                "'; DROP",
                "-",
                "^",
                "(",
                "col:",
                "NEAR/2",
                "\u0000")) {
            catalog.count(LibraryQuery.ALL.withText(odd));
            catalog.page(LibraryQuery.ALL.withText(odd), 0, 10);
        }
        assertThat(ids(LibraryQuery.ALL.withText("NEAR"))).containsExactly(near);
        assertThat(ids(LibraryQuery.ALL.withText("\"old"))).containsExactly(near);
        assertThat(ids(LibraryQuery.ALL.withText("*"))).hasSize(2);
        assertThat(ids(LibraryQuery.ALL.withText("mill\u0000"))).containsExactly(near);
        assertThat(SearchText.match("snow pri")).isEqualTo("\"snow\"* \"pri\"*");
    }

    @Test
    void pagesWalkTheResultsWithoutGapsOrRepeats() throws Exception {
        List<GenerationView> views = IntStream.range(0, 250)
                .mapToObj(i ->
                        view(UUID.randomUUID(), "P", "prompt " + i, day(1, 0).plusMinutes(i / 2), 1))
                .toList();
        catalog.apply(page(views, "c1"));
        List<UUID> walked = new java.util.ArrayList<>();
        for (int offset = 0; offset < 250; offset += 100) {
            catalog.page(LibraryQuery.ALL, offset, 100).forEach(item -> walked.add(item.id()));
        }
        assertThat(walked).hasSize(250).doesNotHaveDuplicates().isEqualTo(catalog.ids(LibraryQuery.ALL));
        assertThat(catalog.page(LibraryQuery.ALL, 300, 100)).isEmpty();
    }

    @Test
    void anOldGalleryCacheIsUpgradedWithItsItemsAndFiles() throws Exception {
        catalog.close();
        Path oldDir = dir.resolve("old");
        UUID id = UUID.randomUUID();
        try (GalleryCache old =
                GalleryCache.open(oldDir.resolve("gallery.db"), oldDir.resolve("files"), UiThreadGuard.NONE)) {
            Path thumb = old.thumbnailFile(OWNER, id);
            Files.createDirectories(thumb.getParent());
            Files.write(thumb, new byte[] {1, 2});
            GalleryItem item = new GalleryItem(
                    id, "Portrait", MediaKind.IMAGE, "old snowman", "image/jpeg", 8, 9, day(3, 3), thumb, null);
            Path original = old.originalFile(OWNER, item);
            Files.write(original, new byte[] {1, 2, 3, 4});
            old.save(OWNER, item.withOriginal(original));
        }
        catalog = LibraryCatalog.open(oldDir.resolve("gallery.db"), oldDir.resolve("files"), OWNER, UiThreadGuard.NONE);
        GalleryItem upgraded = catalog.item(id).orElseThrow();
        assertThat(upgraded.thumbnail()).exists();
        assertThat(upgraded.original()).exists();
        assertThat(upgraded.library()).isEqualTo(GalleryItem.LibraryState.NONE);
        assertThat(ids(LibraryQuery.ALL.withText("snowm"))).containsExactly(id);
        assertThat(catalog.originalsSize()).isEqualTo(4);
        // and the old cache still opens the upgraded file
        catalog.close();
        try (GalleryCache old =
                GalleryCache.open(oldDir.resolve("gallery.db"), oldDir.resolve("files"), UiThreadGuard.NONE)) {
            assertThat(old.items(OWNER)).extracting(GalleryItem::id).containsExactly(id);
        }
        catalog = LibraryCatalog.open(oldDir.resolve("gallery.db"), oldDir.resolve("files"), OWNER, UiThreadGuard.NONE);
        assertThat(catalog.count(LibraryQuery.ALL)).isEqualTo(1);
    }

    @Test
    void editsApplyAtOnceAndQueueInOrderAcrossRestarts() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        catalog.apply(page(List.of(view(a, "P", "one", day(1, 1), 1), view(b, "P", "two", day(1, 2), 1)), "c1"));
        AtomicInteger heard = new AtomicInteger();
        catalog.addListener(heard::incrementAndGet);

        catalog.setFavorite(List.of(a), true);
        catalog.addTags(List.of(a, b), List.of(" sky ", ""));
        UUID collection = catalog.createCollection("Trips");
        catalog.addToCollection(collection, List.of(a, b));
        catalog.renameCollection(collection, "Holidays");
        catalog.removeTags(List.of(b), List.of("sky"));
        catalog.delete(List.of(b));

        assertThat(heard).hasValue(7);
        assertThat(ids(LibraryQuery.ALL)).containsExactly(a);
        GalleryItem item = catalog.item(a).orElseThrow();
        assertThat(item.library().favorite()).isTrue();
        assertThat(item.library().tags()).containsExactly("sky");
        assertThat(ids(LibraryQuery.ALL.withText("sky"))).containsExactly(a); // a local tag is searchable at once
        assertThat(catalog.collections()).containsExactly(new CollectionView(collection, "Holidays", 1, 0));

        catalog.close();
        catalog = reopen();
        assertThat(catalog.pending())
                .extracting(OutboxOp::kind, OutboxOp::target)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.FAVORITE, a),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.ADD_TAGS, a),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.ADD_TAGS, b),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.CREATE_COLLECTION, collection),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.COLLECTION_ITEMS, collection),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.RENAME_COLLECTION, collection),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.REMOVE_TAGS, b),
                        org.assertj.core.groups.Tuple.tuple(OutboxOp.Kind.DELETE_GENERATION, b));
        assertThat(catalog.pending().get(1).tags()).containsExactly("sky");
        assertThat(catalog.pending().get(4).add()).containsExactly(a, b);
        catalog.done(catalog.pending().get(0));
        assertThat(catalog.pending()).hasSize(7);
    }

    @Test
    void pendingEditsWinOverAnOlderOrConcurrentServerPage() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        catalog.apply(page(List.of(view(a, "P", "one", day(1, 1), 2), view(b, "P", "two", day(1, 2), 1)), "c1"));
        catalog.setFavorite(List.of(a), true);
        catalog.addTags(List.of(a), List.of("mine"));
        catalog.delete(List.of(b));

        // the server has not seen the edits yet: its newer page must not undo them
        catalog.apply(page(
                List.of(
                        view(
                                a,
                                "P",
                                "one edited",
                                day(1, 1),
                                3,
                                GenerationStatus.COMPLETED,
                                MediaKind.IMAGE,
                                false,
                                List.of("theirs"),
                                List.of()),
                        view(b, "P", "two", day(1, 2), 2)),
                "c2"));
        GalleryItem item = catalog.item(a).orElseThrow();
        assertThat(item.prompt()).isEqualTo("one edited");
        assertThat(item.library().favorite()).isTrue();
        assertThat(item.library().tags()).containsExactly("mine", "theirs");
        assertThat(catalog.item(b)).isEmpty();
        assertThat(catalog.cursor()).isEqualTo("c2");

        // an older version never replaces a newer one
        catalog.apply(page(List.of(view(a, "P", "stale", day(1, 1), 1)), "c3"));
        assertThat(catalog.item(a).orElseThrow().prompt()).isEqualTo("one edited");

        // a tombstone deletes the row and its files
        Path thumb = catalog.thumbnail(a).orElseThrow();
        catalog.apply(
                new LibraryChanges(null, List.of(new DeletedGeneration(a, day(2, 1))), null, null, "c4", false, false));
        assertThat(catalog.item(a)).isEmpty();
        assertThat(thumb).doesNotExist();
    }

    @Test
    void thumbnailsDownloadOnDemandAndOriginalsStayUnderTheCapLeastRecentlyUsedFirst() throws Exception {
        List<UUID> ids = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        catalog.apply(page(
                ids.stream().map(id -> view(id, "P", "x", day(1, 1), 1)).toList(), "c1"));
        assertThat(catalog.item(ids.get(0)).orElseThrow().thumbnail()).isNull();
        Path thumb = catalog.thumbnail(ids.get(0)).orElseThrow();
        assertThat(thumb).hasBinaryContent(DownloadingApi.THUMBNAIL);
        assertThat(catalog.thumbnail(ids.get(0))).contains(thumb);
        assertThat(server.downloads).hasValue(1);

        catalog.setOriginalsCap(DownloadingApi.ORIGINAL.length * 2L);
        Path first = catalog.original(ids.get(0));
        catalog.original(ids.get(1));
        catalog.original(ids.get(0)); // used again: now ids[1] is the least recently used
        catalog.original(ids.get(2));
        assertThat(first).exists();
        assertThat(catalog.item(ids.get(1)).orElseThrow().original()).isNull();
        assertThat(catalog.item(ids.get(2)).orElseThrow().original()).exists();
        assertThat(catalog.originalsSize()).isEqualTo(DownloadingApi.ORIGINAL.length * 2L);
        assertThat(thumb).exists();

        int before = server.downloads.get();
        assertThat(catalog.original(ids.get(1))).hasBinaryContent(DownloadingApi.ORIGINAL);
        assertThat(server.downloads).hasValue(before + 1);

        catalog.connect(null);
        assertThatThrownBy(() -> catalog.original(ids.get(3))).hasMessageContaining("not on this computer");
        assertThat(catalog.thumbnail(ids.get(3))).isEmpty();
        assertThat(catalog.thumbnail(ids.get(0))).contains(thumb);
    }

    @Test
    void clearingOriginalsDeletesTheFullSizeFilesOnlyAndKeepsTheCap() throws Exception {
        List<UUID> ids = IntStream.range(0, 2).mapToObj(i -> UUID.randomUUID()).toList();
        catalog.apply(page(
                ids.stream().map(id -> view(id, "P", "x", day(1, 1), 1)).toList(), "c1"));
        catalog.setOriginalsCap(DownloadingApi.ORIGINAL.length * 2L);
        Path thumb = catalog.thumbnail(ids.get(0)).orElseThrow();
        Path first = catalog.original(ids.get(0));
        Path second = catalog.original(ids.get(1));

        assertThat(catalog.clearOriginals()).isEqualTo(DownloadingApi.ORIGINAL.length * 2L);

        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(catalog.originalsSize()).isZero();
        assertThat(catalog.item(ids.get(0)).orElseThrow().original()).isNull();
        assertThat(thumb).exists();
        assertThat(catalog.item(ids.get(0)).orElseThrow().thumbnail()).isEqualTo(thumb);
        assertThat(catalog.originalsCap()).isEqualTo(DownloadingApi.ORIGINAL.length * 2L);
        assertThat(catalog.original(ids.get(1))).hasBinaryContent(DownloadingApi.ORIGINAL); // downloads again
        assertThat(catalog.clearOriginals()).isEqualTo(DownloadingApi.ORIGINAL.length);
    }

    @Test
    void resetForgetsTheSyncedCopyButKeepsTheOutbox() throws Exception {
        UUID a = UUID.randomUUID();
        catalog.apply(page(List.of(view(a, "P", "one", day(1, 1), 1)), "c1"));
        catalog.setFavorite(Set.of(a), true);
        catalog.resetForResync();
        assertThat(catalog.cursor()).isNull();
        assertThat(catalog.count(LibraryQuery.ALL)).isZero();
        assertThat(catalog.pending()).hasSize(1);
        catalog.apply(page(List.of(view(a, "P", "one", day(1, 1), 1)), "c2"));
        assertThat(catalog.item(a).orElseThrow().library().favorite()).isTrue();
    }

    @Test
    void ownersDoNotSeeEachOther() throws Exception {
        catalog.apply(page(List.of(view(UUID.randomUUID(), "P", "one", day(1, 1), 1)), "c1"));
        try (LibraryCatalog other =
                LibraryCatalog.open(dir.resolve("gallery.db"), dir.resolve("files"), "user-b", UiThreadGuard.NONE)) {
            assertThat(other.count(LibraryQuery.ALL)).isZero();
            assertThat(other.cursor()).isNull();
            assertThat(other.count(LibraryQuery.ALL.withText("one"))).isZero();
        }
    }

    static GenerationView take(UUID id, OffsetDateTime at, String aspectRatio, long seed, UUID group) {
        return GenerationViews.withCreateOptions(
                view(id, "Film Noir", "a take", at, 1),
                aspectRatio,
                seed,
                group,
                group == null ? null : UUID.nameUUIDFromBytes(group.toString().getBytes()),
                4);
    }

    @Test
    void formatSeedGroupAndStyleAreKeptAndFilterTheGallery() throws Exception {
        UUID group = UUID.randomUUID();
        List<UUID> takes =
                IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        UUID square = UUID.randomUUID();
        UUID old = UUID.randomUUID();
        List<GenerationView> views = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            views.add(take(takes.get(i), day(5, 10 + i), "9:16", 100 + i, group));
        }
        views.add(take(square, day(5, 20), "1:1", 2_147_483_647L, null));
        views.add(take(old, day(4, 1), null, 0, null));
        catalog.apply(page(views, "c1"));

        GalleryItem first = catalog.item(takes.get(0)).orElseThrow();
        assertThat(first.provenance().aspectRatio()).isEqualTo("9:16");
        assertThat(first.provenance().seed()).isEqualTo(100L);
        assertThat(first.provenance().groupId()).isEqualTo(group);
        assertThat(first.provenance().styleId())
                .isEqualTo(UUID.nameUUIDFromBytes(group.toString().getBytes()));
        assertThat(first.provenance().presetVersion()).isEqualTo(4);
        assertThat(first.provenance().take()).isEqualTo(1);
        assertThat(first.provenance().takes()).isEqualTo(4);
        assertThat(catalog.item(takes.get(3)).orElseThrow().provenance().take()).isEqualTo(4);
        assertThat(catalog.item(square).orElseThrow().provenance().takes()).isZero();
        assertThat(catalog.item(square).orElseThrow().provenance().seed()).isEqualTo(2_147_483_647L);
        assertThat(catalog.item(old).orElseThrow().provenance().aspectRatio()).isNull();

        LibraryQuery all = LibraryQuery.ALL;
        assertThat(ids(all.withAspectRatio("9:16")))
                .containsExactly(takes.get(3), takes.get(2), takes.get(1), takes.get(0));
        assertThat(ids(all.withAspectRatio("1:1"))).containsExactly(square);
        assertThat(ids(all.withAspectRatio("16:9"))).isEmpty();
        assertThat(ids(all.withGroup(group).withSort(LibraryQuery.Sort.OLDEST))).isEqualTo(takes);
        assertThat(ids(all.withGroup(group).withAspectRatio("1:1"))).isEmpty();
        assertThat(ids(all.withAspectRatio(" ").withGroup(null))).hasSize(6);
    }

    @Test
    void aVersionTwoLibraryIsUpgradedInPlaceAndKeepsItsRows() throws Exception {
        UUID id = UUID.randomUUID();
        catalog.apply(page(List.of(view(id, "Portrait", "kept", day(2, 2), 1)), "c9"));
        catalog.close();
        // turn the file back into what the studio wrote before format, seed, group and style existed
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gallery.db"));
                java.sql.Statement sql = db.createStatement()) {
            sql.execute("DROP INDEX gallery_items_format");
            sql.execute("DROP INDEX gallery_items_group");
            for (String column : List.of("aspect_ratio", "seed", "group_id", "style_id")) {
                sql.execute("ALTER TABLE gallery_items DROP COLUMN " + column);
            }
            sql.execute("PRAGMA user_version = 2");
        }
        catalog = reopen();
        GalleryItem kept = catalog.item(id).orElseThrow();
        assertThat(kept.prompt()).isEqualTo("kept");
        assertThat(kept.library().version()).isEqualTo(1);
        assertThat(kept.provenance().aspectRatio()).isNull();
        assertThat(catalog.cursor()).isEqualTo("c9");
        assertThat(ids(LibraryQuery.ALL.withText("kept"))).containsExactly(id);
        // the next sync fills the new columns of the kept row
        catalog.apply(page(List.of(take(id, day(2, 2), "3:2", 11, null)), "c10"));
        assertThat(catalog.item(id).orElseThrow().provenance().seed()).isEqualTo(11L);
        assertThat(ids(LibraryQuery.ALL.withAspectRatio("3:2"))).containsExactly(id);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("gallery.db"));
                java.sql.Statement sql = db.createStatement();
                java.sql.ResultSet rows = sql.executeQuery("PRAGMA user_version")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void anInputPhotoDownloadsOnceAndStaysForOfflineUse() throws Exception {
        UUID upload = UUID.randomUUID();
        catalog.connect(null);
        assertThat(catalog.inputPhoto(upload)).isEmpty(); // offline and never seen
        catalog.connect(server.api());
        Path photo = catalog.inputPhoto(upload).orElseThrow();
        assertThat(photo).hasBinaryContent(DownloadingApi.INPUT);
        assertThat(catalog.inputPhoto(upload)).contains(photo);
        assertThat(server.inputDownloads).hasValue(1);
        catalog.connect(null);
        assertThat(catalog.inputPhoto(upload)).contains(photo);
        assertThat(photo.getParent()).isDirectoryNotContaining("glob:**.part");
        assertThat(catalog.inputPhoto(null)).isEmpty();
    }

    private List<UUID> ids(LibraryQuery query) throws Exception {
        List<UUID> ids =
                catalog.page(query, 0, 1000).stream().map(GalleryItem::id).toList();
        assertThat(catalog.ids(query)).isEqualTo(ids);
        assertThat(catalog.count(query)).isEqualTo(ids.size());
        return ids;
    }
}
