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
 *       the same key), results not yet saved or deleted since (downloaded again). Failed and canceled items are tried
 *       again when a worker takes them (a row the run never reaches keeps its status); only those the server refunded
 *       are charged once more, under a new key (the attempt number appended).
 *   <li>A server that cannot be reached after the retries, or that refuses the credentials, ends the run (no cancel
 *       sent): every item keeps its state for a rerun and {@link com.pixfino.studio.core.batch.BatchOutcome#failure}
 *       says why.
 *   <li>The estimate and the balance check count only items not yet paid for.
 * </ul>
 *
 * <p>Results are named by a template (default {@code {path}/{name}-{preset}.{ext}}), decided once per item and kept
 * in the manifest, reserved when the run starts in sorted item order (file, then preset) with the extension the
 * preset's kind implies and named again only when the result's type differs; a name already taken by another item or (without overwrite) by a file on disk gets -2, -3…. The
 * reports {@code pixfino-report.csv} and {@code .json} in the output folder cover the whole batch, earlier runs
 * included. One run at a time per output folder ({@code .pixfino/batch.lock}), and one batch: a request with another
 * input folder, preset set, recursion or template is refused. Input and output are read as real paths; links inside
 * the input are followed (a link looping back into the tree is skipped), and a photo cut short is skipped at the scan,
 * so it is never counted as payable.
 */
package com.pixfino.studio.core.batch;
