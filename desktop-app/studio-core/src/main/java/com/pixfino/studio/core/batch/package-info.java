/**
 * Folder batches (issue 12): {@link com.pixfino.studio.core.batch.BatchEngine} runs the photos of a folder through
 * presets on the companion server, for the studio's Batch screen and the {@code pixfino} command line.
 *
 * <p>How a batch charges each file × preset exactly once:
 *
 * <ul>
 *   <li>Its state lives in {@code <output>/.pixfino/batch.db} (SQLite): the batch id, the request, every item's
 *       state, and the upload id of each content hash. A state is committed before the engine acts on it; an item is
 *       marked as possibly sent before its create request leaves.
 *   <li>Every create carries {@code Idempotency-Key} = lowercase hex SHA-256 of (batch id, relative path, content
 *       hash, preset slug) joined by '\n', with the same body on every try. The server answers a repeated key (for 24
 *       hours) with the first generation and charges nothing, so a create whose answer was lost, or a rerun after a
 *       crash, costs nothing more.
 *   <li>A rerun finishes what is left: items never sent, creates that may have reached the server (sent again with
 *       the same key), results not yet saved. Failed and canceled items are tried again; only those the server
 *       refunded are charged once more, under a new key (the attempt number appended).
 *   <li>The estimate and the balance check count only items not yet paid for.
 * </ul>
 *
 * <p>Results are named by a template (default {@code {path}/{name}-{preset}.{ext}}), decided once per item and kept
 * in the manifest; a name already taken by another item or (without overwrite) by a file on disk gets -2, -3…. The
 * reports {@code pixfino-report.csv} and {@code .json} in the output folder cover the whole batch, earlier runs
 * included. One run at a time per output folder ({@code .pixfino/batch.lock}).
 */
package com.pixfino.studio.core.batch;
