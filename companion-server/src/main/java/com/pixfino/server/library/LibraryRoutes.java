package com.pixfino.server.library;

import com.pixfino.model.api.GenerationView;
import com.pixfino.model.api.library.CollectionItemsRequest;
import com.pixfino.model.api.library.CollectionRequest;
import com.pixfino.model.api.library.CollectionView;
import com.pixfino.model.api.library.LibraryChanges;
import com.pixfino.model.api.library.LibraryPatch;
import com.pixfino.server.domain.DomainException;
import com.pixfino.server.http.Authenticated;
import com.pixfino.server.http.JsonBody;
import com.pixfino.server.http.PathIds;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.UUID;

/** HTTP face of the synced library: the change feed, library edits on a generation, and collections. */
public record LibraryRoutes(LibraryFeed feed, LibraryEdits edits, JsonBody json) {

    @OpenApi(
            path = "/api/v1/library/changes",
            methods = HttpMethod.GET,
            summary = "What changed in the library after a cursor (none: everything, tombstones included)",
            queryParams = {
                @OpenApiParam(name = "cursor", description = "The cursor of the previous page; leave out to start"),
                @OpenApiParam(
                        name = "limit",
                        type = Integer.class,
                        description =
                                "Changed and deleted generations per page, 1 to 1000 (default 500); the collections"
                                        + " and styles that changed up to the same point come with the page and do not count")
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = LibraryChanges.class)),
                @OpenApiResponse(status = "400", description = "A limit outside 1–1000 or a cursor not handed out")
            })
    public void changes(Context ctx) {
        ctx.json(feed.changes(Authenticated.of(ctx).userId(), ctx.queryParam("cursor"), limit(ctx)));
    }

    @OpenApi(
            path = "/api/v1/generations/{id}",
            methods = HttpMethod.PATCH,
            summary = "Favourite and tag a generation",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = LibraryPatch.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = GenerationView.class)),
                @OpenApiResponse(status = "400", description = "A tag breaks the rules (1–40 characters, 50 per item)")
            })
    public void patchGeneration(Context ctx) {
        LibraryPatch patch = json.read(ctx, LibraryPatch.class);
        ctx.json(edits.patch(Authenticated.of(ctx).userId(), PathIds.uuid(ctx, "id", "The generation"), patch));
    }

    @OpenApi(
            path = "/api/v1/collections",
            methods = HttpMethod.POST,
            summary = "Make a collection (with a client-chosen id, the same request again answers it)",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CollectionRequest.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = CollectionView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Made before with this id",
                        content = @OpenApiContent(from = CollectionView.class)),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(
                        status = "404",
                        description = "The id is another account's, or names a collection of yours that was deleted"
                                + " (a replayed create never undoes a delete; once the tombstone is purged the id is"
                                + " simply new)")
            })
    public void createCollection(Context ctx) {
        CollectionRequest request = json.read(ctx, CollectionRequest.class);
        LibraryEdits.Created created = edits.create(Authenticated.of(ctx).userId(), request);
        ctx.status(created.created() ? 201 : 200).json(created.collection());
    }

    @OpenApi(
            path = "/api/v1/collections/{id}",
            methods = HttpMethod.PATCH,
            summary = "Rename a collection",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CollectionRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CollectionView.class)),
                @OpenApiResponse(status = "400")
            })
    public void renameCollection(Context ctx) {
        CollectionRequest request = json.read(ctx, CollectionRequest.class);
        ctx.json(edits.rename(Authenticated.of(ctx).userId(), id(ctx), request));
    }

    @OpenApi(
            path = "/api/v1/collections/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a collection (its generations stay); deleting it again is a 204 too",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            responses = @OpenApiResponse(status = "204"))
    public void deleteCollection(Context ctx) {
        edits.delete(Authenticated.of(ctx).userId(), id(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/collections/{id}/items",
            methods = HttpMethod.POST,
            summary = "Add generations to a collection and remove others",
            pathParams = @OpenApiParam(name = "id", type = UUID.class),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = CollectionItemsRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CollectionView.class)),
                @OpenApiResponse(status = "400")
            })
    public void collectionItems(Context ctx) {
        CollectionItemsRequest request = json.read(ctx, CollectionItemsRequest.class);
        ctx.json(edits.items(Authenticated.of(ctx).userId(), id(ctx), request));
    }

    private static UUID id(Context ctx) {
        return PathIds.uuid(ctx, "id", "The collection");
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return LibraryFeed.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(
                    "invalid_limit", "limit must be a whole number from 1 to " + LibraryFeed.MAX_LIMIT + ".");
        }
    }
}
